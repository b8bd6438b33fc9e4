using Microsoft.Data.Sqlite;

namespace MailTicketing.Storage.Sqlite;

/// <summary>
/// Copies the WAL back into the database file on a background thread. A checkpoint costs two
/// fsyncs; left to SQLite, it runs inside whichever commit crosses the WAL size limit, and on a
/// busy ingest that made every few hundredth message wait for the disk. Here a connection of
/// its own notices new commits (PRAGMA data_version) and runs a PASSIVE checkpoint, which never
/// blocks readers or the writer. The writers' own wal_autocheckpoint stays as a backstop.
/// </summary>
internal sealed class SqliteCheckpointer(string connectionString, TimeSpan interval) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private int _disposed;

    public void EnsureStarted()
    {
        if (_loop is null && Volatile.Read(ref _disposed) == 0)
        {
            lock (_stop)
            {
                _loop ??= Task.Run(() => RunAsync(_stop.Token));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(stop);
            using var version = connection.CreateCommand();
            version.CommandText = "PRAGMA data_version";
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            var seen = (long)version.ExecuteScalar()!;
            using var timer = new PeriodicTimer(interval);
            while (await timer.WaitForNextTickAsync(stop))
            {
                var current = (long)version.ExecuteScalar()!;
                if (current != seen)
                {
                    seen = current;
                    checkpoint.ExecuteNonQuery();
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (SqliteException)
        {
            // Checkpointing is an optimisation: on any trouble (the file went away, the disk is
            // full) stop, and leave it to the writers' wal_autocheckpoint.
        }
    }
}
