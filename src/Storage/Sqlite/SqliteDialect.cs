using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Dapper;
using MailTicketing.Storage.Dialects;
using Microsoft.Data.Sqlite;

namespace MailTicketing.Storage.Sqlite;

/// <summary>SQLite: WAL, BEGIN IMMEDIATE for writers, blobs through incremental blob I/O.</summary>
internal sealed class SqliteDialect : ISqlDialect, IAsyncDisposable
{
    // Blobs up to this size are bound as one parameter; larger ones are written in pieces.
    internal const int InlineBlobLimit = 1 << 20;

    // Checkpoints normally run in the background (SqliteCheckpointer). Should it fall behind, a
    // writer checkpoints itself once the WAL holds this many pages (64 MB); SQLite's default of
    // 1,000 pages put a checkpoint, with its two fsyncs, into every ~50th ingested message.
    // 32 MiB of page cache per pooled connection (SQLite's default is 2 MiB): at 200,000
    // tickets the hot index pages no longer fit in the default and every lookup reads from disk.
    private const int CacheKibibytes = 32 * 1024;

    private const int WalAutoCheckpointPages = 16384;

    // SQLite's memory for all connections of the process together (page caches first): past it,
    // a cache reuses its own least recently used pages instead of growing. Without it every
    // pooled connection that once read a large database (the writer; the outbox pass over every
    // acknowledgement) kept a full cache of its own, and a worker's memory grew with the
    // database. One connection's cache: the writer, mostly alone, may still use all of it.
    private const long MemoryBudgetBytes = CacheKibibytes * 1024L;

    private static int _nativeInitialized;

    private readonly SqliteConnectionPool _pool;
    private readonly SqliteCheckpointer _checkpointer;

    // This process's writers queue here, first come first served, before they ask SQLite for the
    // write lock. SQLite's own wait (busy_timeout) polls: a writer that commits and begins again
    // at once (ingestion, batch after batch) takes the lock back before a waiter's next poll, and
    // the waiter (a lease renewal, say) fails after busy_timeout although the lock was free
    // between every two batches.
    private readonly SemaphoreSlim _writeQueue = new(1, 1);
    private readonly WriterSignal _writerSignal;
    private readonly TimeSpan _busyTimeout;
    private readonly int _busyMilliseconds;

    public SqliteDialect(SqliteDatabaseOptions options)
    {
        if (Interlocked.Exchange(ref _nativeInitialized, 1) == 0)
        {
            SQLitePCL.Batteries_V2.Init();
            SQLitePCL.raw.sqlite3_soft_heap_limit64(MemoryBudgetBytes);
        }

        var fullPath = Path.GetFullPath(options.Path);
        DatabasePath = fullPath;
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            // Connections are pooled by SqliteConnectionPool, with their compiled statements.
            Pooling = false,
            // Microsoft.Data.Sqlite retries a busy statement until its command timeout, on top of busy_timeout.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();

        // Per-connection settings, applied once when a connection is opened.
        var synchronous = options.Synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL";
        _busyTimeout = options.BusyTimeout;
        _busyMilliseconds = (int)Math.Min(int.MaxValue, (long)options.BusyTimeout.TotalMilliseconds);
        _writerSignal = new WriterSignal(fullPath);
        var busyMs = _busyMilliseconds.ToString(CultureInfo.InvariantCulture);
        _checkpointer = new SqliteCheckpointer(connectionString, TimeSpan.FromMilliseconds(200));
        _pool = new SqliteConnectionPool(
            connectionString,
            $"PRAGMA foreign_keys = ON; PRAGMA synchronous = {synchronous}; PRAGMA busy_timeout = {busyMs}; " +
            $"PRAGMA wal_autocheckpoint = {WalAutoCheckpointPages}; PRAGMA cache_size = -{CacheKibibytes};");
    }

    public string DatabasePath { get; }

    public string ScriptFolder => "sqlite";

    /// <summary>Stops the background checkpoints and closes the idle pooled connections.</summary>
    public async ValueTask DisposeAsync()
    {
        await _checkpointer.DisposeAsync();
        _pool.Clear();
    }

    /// <summary>The Microsoft.Data.Sqlite connection under a connection this dialect opened.</summary>
    internal static SqliteConnection Native(DbConnection connection) => ((PreparedConnection)connection).Inner;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _pool.RentAsync(cancellationToken);
        _checkpointer.EnsureStarted();
        return connection;
    }

    public async Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL is a property of the file: readers never block the writer, and a commit is one append.
        var mode = await connection.ExecuteScalarAsync<string>(
            new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused WAL mode for {DatabasePath} (journal_mode is '{mode}').");
        }
    }

    // BEGIN IMMEDIATE takes the write lock up front, so two ingesting sessions cannot both read
    // "no ticket yet" and both create one; the second waits instead.
    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        if (!await _writeQueue.WaitAsync(_busyTimeout, cancellationToken))
        {
            throw new SqliteException($"database is locked: another write of this process held it for {_busyTimeout.TotalSeconds:0.#} s", SQLitePCL.raw.SQLITE_BUSY);
        }

        var turn = new WriteTurn(_writeQueue);
        try
        {
            var transaction = new SqliteUnitTransaction(await BeginImmediateAsync(Native(connection), _busyTimeout - waited.Elapsed, cancellationToken), connection, turn);
            ((PreparedConnection)connection).WriteTurn = turn;
            return transaction;
        }
        catch
        {
            turn.Release();
            throw;
        }
    }

    /// <summary>
    /// BEGIN IMMEDIATE once the write lock is free, polled every millisecond while announced to
    /// our writers in other processes (<see cref="WriterSignal"/>). SQLite's own wait
    /// (busy_timeout) cannot do it: the bundled build has no usleep and sleeps whole seconds
    /// between tries, which misses every gap a busy writer leaves.
    /// </summary>
    private async Task<SqliteTransaction> BeginImmediateAsync(SqliteConnection native, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // A writer of another process that waits goes first: checked before every BEGIN, so a
        // writer that commits and begins again at once (ingestion) leaves it the gap.
        await _writerSignal.GiveWayAsync(cancellationToken);
        using var announcement = _writerSignal.Announce();
        var handle = native.Handle ?? throw new InvalidOperationException("A write transaction needs an open connection.");
        SQLitePCL.raw.sqlite3_busy_timeout(handle, 0);
        try
        {
            var clock = Stopwatch.StartNew();
            int rc;
            while ((rc = TryWriteLock(handle)) is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED && clock.Elapsed < timeout)
            {
                await Task.Delay(1, cancellationToken);
            }

            if (rc != SQLitePCL.raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, handle);
            }

            // Microsoft.Data.Sqlite must begin the transaction itself. Should a program that does
            // not announce itself take the lock in the moment between, it tries again every
            // 150 ms (with busy_timeout 0) instead of after SQLite's whole second.
            return native.BeginTransaction(deferred: false);
        }
        finally
        {
            SQLitePCL.raw.sqlite3_busy_timeout(handle, _busyMilliseconds);
        }
    }

    // Takes the write lock and gives it straight back: whether it is free, without waiting.
    private static int TryWriteLock(SQLitePCL.sqlite3 handle)
    {
        var rc = SQLitePCL.raw.sqlite3_exec(handle, "BEGIN IMMEDIATE", null, null, out _);
        if (rc == SQLitePCL.raw.SQLITE_OK)
        {
            SQLitePCL.raw.sqlite3_exec(handle, "ROLLBACK", null, null, out _);
        }

        return rc;
    }

    // A deferred transaction becomes a read snapshot at its first read and holds no write lock.
    public Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<DbTransaction>(new SqliteUnitTransaction(Native(connection).BeginTransaction(deferred: true), connection));
    }

    public Task<bool> InsertBlobAsync(SqlContext sql, BlobHeader header, Stream storedBytes) =>
        SqliteBlobIo.InsertAsync(sql, header, storedBytes);

    public Task<(BlobHeader Header, Stream StoredBytes)?> OpenBlobAsync(SqlContext sql, string sha256) =>
        SqliteBlobIo.OpenAsync(sql, sha256);
}
