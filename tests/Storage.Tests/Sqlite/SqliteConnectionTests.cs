using Dapper;
using MailTicketing.Storage.Tests.Support;

namespace MailTicketing.Storage.Tests.Sqlite;

/// <summary>Every connection gets WAL, the chosen synchronous level, foreign keys and a busy timeout.</summary>
public sealed class SqliteConnectionTests : IAsyncLifetime
{
    private readonly SqliteProvider _provider = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Theory]
    [InlineData(SqliteSynchronous.Normal, 1)]
    [InlineData(SqliteSynchronous.Full, 2)]
    public async Task Connections_use_WAL_foreign_keys_a_busy_timeout_and_the_chosen_synchronous_level(SqliteSynchronous synchronous, long level)
    {
        var database = _provider.Open(Path.Combine(_provider.Folder, "pragmas.db"), TimeProvider.System, synchronous);
        await database.MigrateAsync(CancellationToken.None);

        await using var connection = await database.Dialect.OpenAsync(CancellationToken.None);
        var settings = (
            await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"),
            await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"),
            await connection.ExecuteScalarAsync<long>("PRAGMA synchronous"),
            await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"));

        Assert.Equal(("wal", 1L, level, 5000L), settings);
    }

    [Fact]
    public async Task The_bundled_SQLite_supports_RETURNING()
    {
        var database = _provider.Open(Path.Combine(_provider.Folder, "version.db"), TimeProvider.System);
        await using var connection = await database.Dialect.OpenAsync(CancellationToken.None);

        var version = Version.Parse(await connection.ExecuteScalarAsync<string>("SELECT sqlite_version()") ?? "0.0");

        Assert.True(version >= new Version(3, 35), $"SQLite {version} has no RETURNING (3.35+).");
    }

    [Fact]
    public async Task The_database_folder_is_created_when_missing()
    {
        var path = Path.Combine(_provider.Folder, "nested", "deeper", "tickets.db");
        var database = _provider.Open(path, TimeProvider.System);

        await database.MigrateAsync(CancellationToken.None);

        Assert.True(File.Exists(path));
    }
}
