using Dapper;
using Microsoft.Data.Sqlite;

namespace MailTicketing.Crash.Tests.Harness;

/// <summary>
/// Reads the worker's SQLite file directly (read-only, a fresh connection each time, so a killed
/// writer never leaves the harness holding anything): the tests count what was committed, not
/// what the store's own queries choose to show.
/// </summary>
internal sealed class CrashDatabase(string path)
{
    static CrashDatabase() => SQLitePCL.Batteries_V2.Init();

    public string Path => path;

    /// <summary>The count, or 0 while the file or its tables do not exist yet (the first life was killed before migrating).</summary>
    public long Count(string sql, object? parameters = null)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        try
        {
            using var connection = Open();
            return connection.ExecuteScalar<long>(sql, parameters);
        }
        catch (SqliteException e) when (e.Message.Contains("no such table", StringComparison.Ordinal))
        {
            return 0;
        }
    }

    public IReadOnlyList<T> Query<T>(string sql, object? parameters = null)
    {
        using var connection = Open();
        return [.. connection.Query<T>(sql, parameters)];
    }

    public string IntegrityCheck()
    {
        using var connection = Open();
        return connection.ExecuteScalar<string>("PRAGMA integrity_check") ?? "";
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }
}
