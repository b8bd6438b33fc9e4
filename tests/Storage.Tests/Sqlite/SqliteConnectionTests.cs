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
    public async Task SQLite_memory_of_the_whole_process_is_bounded_by_one_connections_page_cache()
    {
        var database = _provider.Open(Path.Combine(_provider.Folder, "budget.db"), TimeProvider.System);
        await using var connection = await database.Dialect.OpenAsync(CancellationToken.None);

        // cache_size is negative when given in KiB; a negative argument only reads the limit.
        var cacheBytes = -1024 * await connection.ExecuteScalarAsync<long>("PRAGMA cache_size");
        Assert.True(cacheBytes > 0);
        Assert.Equal(cacheBytes, SQLitePCL.raw.sqlite3_soft_heap_limit64(-1));
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
    public async Task A_connection_handed_back_inside_a_transaction_is_closed_rather_than_lent_again()
    {
        var database = _provider.Open(Path.Combine(_provider.Folder, "leak.db"), TimeProvider.System);
        await database.MigrateAsync(CancellationToken.None);
        var leaked = await database.Dialect.OpenAsync(CancellationToken.None);
        _ = await database.Dialect.BeginWriteAsync(leaked, CancellationToken.None);

        await leaked.DisposeAsync();
        var store = database.CreateTicketStore();
        var begin = store.BeginAsync(CancellationToken.None);

        await using var session = await begin.WaitAsync(TimeSpan.FromSeconds(3));
        Assert.Equal(new Tickets.Model.TicketNumber("SUP", 1), await session.AllocateTicketNumberAsync("SUP"));
    }

    [Fact]
    public async Task A_connection_keeps_working_after_its_statement_cache_fills_up()
    {
        var database = _provider.Open(Path.Combine(_provider.Folder, "cache.db"), TimeProvider.System);
        await using var connection = await database.Dialect.OpenAsync(CancellationToken.None);

        var sums = new List<long>();
        for (var i = 0; i < 600; i++)
        {
            // 300 distinct texts, each run twice, through the kept statements.
            sums.Add(await connection.ExecuteScalarAsync<long>($"SELECT @A + {i % 300}", new { A = 1000L }));
        }

        Assert.Equal(Enumerable.Range(0, 600).Select(i => 1000L + (i % 300)), sums);
    }

    [Fact]
    public async Task Commits_reach_the_database_file_without_a_writer_checkpointing()
    {
        var database = _provider.Open(Path.Combine(_provider.Folder, "checkpoint.db"), TimeProvider.System);
        await database.MigrateAsync(CancellationToken.None);
        await Task.Delay(600);
        var before = new FileInfo(database.Path).Length;
        var store = database.CreateTicketStore();

        for (var i = 0; i < 100; i++)
        {
            await using var session = await store.BeginAsync(CancellationToken.None);
            var number = await session.AllocateTicketNumberAsync("SUP");
            await session.InsertTicketAsync(Samples.Ticket(number, subject: new string('s', 2000)));
            await session.CommitAsync();
        }

        // 100 tickets of ~2 KB are far below the writers' own checkpoint threshold (16,384 pages):
        // only the background checkpointer moves them from the WAL into the file.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (new FileInfo(database.Path).Length <= before + 100_000 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(new FileInfo(database.Path).Length > before + 100_000, $"The file stayed at {new FileInfo(database.Path).Length:N0} bytes.");
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
