using Dapper;
using MailTicketing.Storage.Migrations;
using MailTicketing.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace MailTicketing.Storage.Tests.Sqlite;

/// <summary>The migrations runner against edited, newer, failing and CRLF scripts.</summary>
public sealed class SqliteMigratorTests : IAsyncLifetime
{
    private readonly SqliteProvider _provider = new();
    private readonly ManualClock _clock = new(Samples.T0);
    private readonly IReadOnlyList<MigrationScript> _embedded = EmbeddedMigrations.Load("sqlite");
    private SqliteDatabase _database = null!;

    public Task InitializeAsync()
    {
        _database = _provider.Open(Path.Combine(_provider.Folder, "migrate.db"), _clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    private Task<IReadOnlyList<AppliedMigration>> MigrateAsync(IEnumerable<MigrationScript> scripts) =>
        _database.CreateMigrator([.. scripts]).MigrateAsync(CancellationToken.None);

    private async Task<T> QueryAsync<T>(string sql)
    {
        await using var connection = await _database.Dialect.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException("no value");
    }

    [Fact]
    public void The_embedded_scripts_are_the_files_in_sql_sqlite()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "sql", "sqlite");
        var files = Directory.GetFiles(folder, "*.sql").Select(Path.GetFileNameWithoutExtension).Order();

        Assert.Equal(files, _embedded.Select(script => $"{script.Version:D4}_{script.Name}"));
        Assert.Equal(0, _embedded[0].Version);
    }

    [Fact]
    public async Task An_up_to_date_database_migrates_without_the_write_lock_so_status_works_while_another_writer_holds_it()
    {
        await MigrateAsync(_embedded);
        await using var holder = new SqliteConnection($"Data Source={Path.Combine(_provider.Folder, "migrate.db")};Pooling=False;Default Timeout=1");
        await holder.OpenAsync();
        await holder.ExecuteAsync("PRAGMA busy_timeout = 0; BEGIN EXCLUSIVE; UPDATE schema_migrations SET name = name WHERE 0;");

        // Nothing pending: no write transaction, so the lock held above does not stop it.
        var applied = await MigrateAsync(_embedded);

        Assert.Empty(applied);
        await holder.ExecuteAsync("ROLLBACK");
    }

    [Fact]
    public async Task The_ledger_records_each_script_with_its_checksum_and_time()
    {
        await MigrateAsync(_embedded);

        await using var connection = await _database.Dialect.OpenAsync(CancellationToken.None);
        var rows = (await connection.QueryAsync<(long Version, string Name, string Checksum, long AppliedAt)>(
            "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version")).ToList();

        Assert.Equal(_embedded.Select(script => ((long)script.Version, script.Name, script.Checksum)), rows.Select(row => (row.Version, row.Name, row.Checksum)));
        Assert.All(rows, row => Assert.Equal(Samples.T0.ToUnixTimeMilliseconds(), row.AppliedAt));
    }

    [Fact]
    public async Task An_applied_script_that_was_edited_stops_the_run_with_a_clear_error()
    {
        await MigrateAsync(_embedded);
        var edited = _embedded.Select(script => script.Version == 1 ? script with { Sql = script.Sql + "\n-- tweak\n" } : script);

        var error = await Assert.ThrowsAsync<MigrationException>(() => MigrateAsync(edited));

        Assert.Contains("0001_initial", error.Message);
        Assert.Contains("changed after it was applied", error.Message);
        Assert.Contains(_embedded[1].Checksum, error.Message);
    }

    [Fact]
    public async Task An_edit_is_noticed_before_a_newer_script_is_applied()
    {
        await MigrateAsync(_embedded);
        var edited = _embedded
            .Select(script => script.Version == 1 ? script with { Sql = script.Sql + "\n-- tweak\n" } : script)
            .Append(new MigrationScript(900, "later", "CREATE TABLE later_table (id INTEGER PRIMARY KEY);"));

        await Assert.ThrowsAsync<MigrationException>(() => MigrateAsync(edited));

        Assert.Equal(0L, await QueryAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'later_table'"));
    }

    [Fact]
    public async Task Line_endings_changed_by_a_checkout_are_not_an_edit()
    {
        await MigrateAsync(_embedded);
        var crlf = _embedded.Select(script => script with { Sql = script.Sql.ReplaceLineEndings("\r\n") });

        Assert.Empty(await MigrateAsync(crlf));
    }

    [Fact]
    public async Task A_new_script_is_applied_on_top_of_a_migrated_database()
    {
        await MigrateAsync(_embedded);
        var next = new MigrationScript(900, "add_notes", "ALTER TABLE tickets ADD COLUMN notes TEXT;");

        var applied = await MigrateAsync(_embedded.Append(next));

        Assert.Equal([(900, "add_notes")], applied.Select(migration => (migration.Version, migration.Name)));
        Assert.Equal(0L, await QueryAsync<long>("SELECT COUNT(notes) FROM tickets"));
    }

    [Fact]
    public async Task A_database_migrated_by_a_newer_build_is_refused()
    {
        await MigrateAsync(_embedded.Append(new MigrationScript(900, "from_the_future", "CREATE TABLE future (id INTEGER);")));

        var error = await Assert.ThrowsAsync<MigrationException>(() => MigrateAsync(_embedded));

        Assert.Contains("0900_from_the_future", error.Message);
    }

    [Fact]
    public async Task A_failing_script_leaves_neither_its_changes_nor_its_ledger_row()
    {
        await MigrateAsync(_embedded);
        var broken = new MigrationScript(900, "broken", "CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1);");

        await Assert.ThrowsAsync<SqliteException>(() => MigrateAsync(_embedded.Append(broken)));

        Assert.Equal(0L, await QueryAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'"));
        Assert.Equal(0L, await QueryAsync<long>("SELECT COUNT(*) FROM schema_migrations WHERE version = 900"));
    }

    [Fact]
    public void Scripts_without_the_ledger_script_or_with_a_repeated_version_are_refused()
    {
        Assert.Throws<InvalidOperationException>(() => _database.CreateMigrator([.. _embedded.Skip(1)]));
        Assert.Throws<InvalidOperationException>(() => _database.CreateMigrator([.. _embedded, _embedded[1] with { Name = "again" }]));
    }
}
