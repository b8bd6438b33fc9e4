using Dapper;
using Microsoft.Data.Sqlite;

namespace MailTicketing.Fuzz.Tests.Support;

/// <summary>
/// Reads the worker's SQLite file directly, beside the store the harness uses, so the tests
/// count what was written rather than what the store's own queries choose to show.
/// </summary>
internal sealed class StoreProbe(string databasePath) : IDisposable
{
    private readonly SqliteConnection _connection = Open(databasePath);

    public long Count(string sql, object? parameters = null) => _connection.ExecuteScalar<long>(sql, parameters);

    public T? Single<T>(string sql, object? parameters = null) => _connection.QuerySingleOrDefault<T>(sql, parameters);

    public IReadOnlyList<T> Query<T>(string sql, object? parameters = null) => [.. _connection.Query<T>(sql, parameters)];

    /// <summary>The tables, sorted: the same list before and after hostile text says no statement ran from it.</summary>
    public IReadOnlyList<string> Tables() => Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");

    public string IntegrityCheck() => _connection.ExecuteScalar<string>("PRAGMA quick_check") ?? "";

    public void Dispose() => _connection.Dispose();

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
