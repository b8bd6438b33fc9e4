using Dapper;
using MailTicketing.Storage.Sqlite;
using MailTicketing.Storage.Tests.Support;

namespace MailTicketing.Storage.Tests.Sqlite;

/// <summary>
/// SQLite may end a transaction by itself: a COMMIT that fails for lack of disk space
/// (SQLITE_FULL) or an I/O error rolls it back. The connection must stay usable and the
/// error that caused it must not be replaced by "cannot rollback - no transaction is active".
/// Found by the disk-full fault test (tests/Faults.Tests): after one failed commit every write
/// of the worker failed with "SqliteConnection does not support nested transactions" until it
/// was restarted, even once there was space again.
/// </summary>
public sealed class SqliteEndedTransactionTests : IAsyncLifetime
{
    private readonly SqliteProvider _provider = new();
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = _provider.Open(Path.Combine(_provider.Folder, "ended.db"), new ManualClock(Samples.T0));
        await _database.CreateMigrator(Migrations.EmbeddedMigrations.Load("sqlite")).MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Fact]
    public async Task A_transaction_that_sqlite_ended_by_itself_disposes_quietly_and_the_pooled_connection_writes_again()
    {
        var dialect = _database.Dialect;
        await using (var connection = await dialect.OpenAsync(CancellationToken.None))
        {
            await using var transaction = await dialect.BeginWriteAsync(connection, CancellationToken.None);
            await connection.ExecuteAsync("INSERT INTO ticket_sequences (prefix, last_value) VALUES ('LOST', 1)", transaction: transaction);
            // What a COMMIT failing with SQLITE_FULL leaves behind: Microsoft.Data.Sqlite removes
            // its rollback hook before COMMIT, SQLite rolls back, and the managed transaction
            // object still thinks it is open. Here the same state, made without a full disk.
            var handle = SqliteDialect.Native(connection).Handle;
            SQLitePCL.raw.sqlite3_rollback_hook(handle, null, null);
            Assert.Equal(0, SQLitePCL.raw.sqlite3_exec(handle, "ROLLBACK", null, null, out _));
        }

        // The same pooled connection (or a new one) takes the next write.
        await using (var connection = await dialect.OpenAsync(CancellationToken.None))
        {
            await using var transaction = await dialect.BeginWriteAsync(connection, CancellationToken.None);
            await connection.ExecuteAsync("INSERT INTO ticket_sequences (prefix, last_value) VALUES ('KEPT', 1)", transaction: transaction);
            await transaction.CommitAsync();
        }

        await using var reader = await dialect.OpenAsync(CancellationToken.None);
        Assert.Equal(["KEPT"], await reader.QueryAsync<string>("SELECT prefix FROM ticket_sequences ORDER BY prefix"));
    }
}
