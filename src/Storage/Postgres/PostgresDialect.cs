using System.Data;
using System.Data.Common;
using MailTicketing.Storage.Dialects;
using Npgsql;
using NpgsqlTypes;

namespace MailTicketing.Storage.Postgres;

/// <summary>
/// PostgreSQL through one <see cref="NpgsqlDataSource"/> (its pool). Writers serialise on one
/// transaction-scoped advisory lock; blobs are bytea, written from a stream and read as one.
/// </summary>
internal sealed class PostgresDialect(string connectionString) : ISqlDialect, IAsyncDisposable
{
    // The key of the advisory lock every write transaction takes: the ASCII bytes of "MTWRITE1".
    // Advisory locks are scoped to the database, so other databases on the server are not affected.
    internal const long WriteLockKey = 0x4D54575249544531;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public string ScriptFolder => "postgres";

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>
    /// Npgsql learns the database's types (citext among them) when the data source first
    /// connects; a data source that connected before the migrations created citext would not
    /// know how to read it. Called after migrating, which every worker does at start.
    /// </summary>
    public Task ReloadTypesAsync(CancellationToken cancellationToken) => _dataSource.ReloadTypesAsync(cancellationToken);

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    // Nothing belongs to the database itself: the schema and the citext extension come from the migrations.
    public Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    // Ingestion reads ("is there a ticket for this Message-ID yet?"), decides, then writes.
    // Under MVCC two such transactions would both read "no" and both insert, and no unique key
    // covers every such decision (threading by reference, by subject tag, by near-duplicate
    // text). SERIALIZABLE would detect it but fail one of them for the caller to retry; taking
    // one lock first instead makes writers wait their turn, as SQLite's BEGIN IMMEDIATE does,
    // across every process on the database. The lock ends with the transaction (commit,
    // rollback or a dropped connection), so it cannot leak. READ COMMITTED, not REPEATABLE
    // READ: each statement after the lock must see what the previous writer committed, and a
    // REPEATABLE READ snapshot would date from before the wait. Readers take no lock.
    // Migrations run in these transactions too, which makes workers migrating at once take turns.
    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", (NpgsqlConnection)connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = WriteLockKey, NpgsqlDbType = NpgsqlDbType.Bigint });
            // Waiting for the lock is bounded by the command timeout (Npgsql's default: 30 s), like SQLite's busy timeout.
            await command.ExecuteNonQueryAsync(cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    // One snapshot for every statement of the transaction (an export stays consistent while ingestion goes on).
    public async Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SET TRANSACTION READ ONLY", (NpgsqlConnection)connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public Task<bool> InsertBlobAsync(SqlContext sql, BlobHeader header, Stream storedBytes) =>
        PostgresBlobIo.InsertAsync(sql, header, storedBytes);

    public Task<(BlobHeader Header, Stream StoredBytes)?> OpenBlobAsync(SqlContext sql, string sha256) =>
        PostgresBlobIo.OpenAsync(sql, sha256);
}
