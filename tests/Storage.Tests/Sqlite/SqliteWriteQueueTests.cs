using System.Diagnostics;
using System.Runtime.CompilerServices;
using MailTicketing.Storage.Tests.Support;
using MailTicketing.Tickets.Ports;

namespace MailTicketing.Storage.Tests.Sqlite;

/// <summary>
/// Writers of one process take turns in arrival order: a write that comes while another writer
/// commits and begins again and again (ingestion, batch after batch) gets the lock at the next
/// commit instead of polling past busy_timeout. A writer of another process on the same file
/// (another worker, an operator's command) gets in at the busy writer's next commit too.
/// </summary>
public sealed class SqliteWriteQueueTests : IAsyncLifetime
{
    private readonly SqliteProvider _provider = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Fact]
    public async Task A_write_gets_its_turn_between_another_writers_back_to_back_transactions()
    {
        await using var database = new SqliteDatabase(new SqliteDatabaseOptions
        {
            Path = Path.Combine(_provider.Folder, "queue.db"),
            BusyTimeout = TimeSpan.FromSeconds(1),
        });
        await database.MigrateAsync(CancellationToken.None);
        var store = database.CreateTicketStore();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(6));
        var busyBatches = new StrongBox<int>();
        var busyWriter = BackToBackBatchesAsync(store, busyBatches, stop.Token);

        await Task.Delay(300);
        var waited = Stopwatch.StartNew();
        await using (var session = await store.BeginAsync(CancellationToken.None))
        {
            Assert.Equal(new Tickets.Model.TicketNumber("SEC", 1), await session.AllocateTicketNumberAsync("SEC"));
            await session.CommitAsync();
        }

        waited.Stop();
        await stop.CancelAsync();
        await busyWriter;
        Assert.True(busyBatches.Value > 10, $"the busy writer committed {busyBatches.Value} batches");
        // One batch (20 ms) ahead of it at most, with room for a slow machine; SQLite's polling gave up after 1 s.
        Assert.True(waited.Elapsed < TimeSpan.FromMilliseconds(500), $"the second write waited {waited.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task A_write_of_another_process_gets_in_between_a_busy_writers_back_to_back_transactions()
    {
        // Two databases on one file stand for two processes: each has its own write queue and pool.
        var path = Path.Combine(_provider.Folder, "processes.db");
        await using var draining = new SqliteDatabase(new SqliteDatabaseOptions { Path = path, BusyTimeout = TimeSpan.FromSeconds(2) });
        await draining.MigrateAsync(CancellationToken.None);
        await using var operatorCommand = new SqliteDatabase(new SqliteDatabaseOptions { Path = path, BusyTimeout = TimeSpan.FromSeconds(2) });
        var busyStore = draining.CreateTicketStore();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(8));
        var busyBatches = new StrongBox<int>();
        var busyWriter = BackToBackBatchesAsync(busyStore, busyBatches, stop.Token);

        await Task.Delay(300);
        var waits = new List<TimeSpan>();
        var store = operatorCommand.CreateTicketStore();
        for (var write = 1; write <= 3; write++)
        {
            var waited = Stopwatch.StartNew();
            await using (var session = await store.BeginAsync(CancellationToken.None))
            {
                Assert.Equal(new Tickets.Model.TicketNumber("SEC", write), await session.AllocateTicketNumberAsync("SEC"));
                await session.CommitAsync();
            }

            waits.Add(waited.Elapsed);
            await Task.Delay(100);
        }

        var batchesBefore = Volatile.Read(ref busyBatches.Value);
        await Task.Delay(300);
        Assert.True(Volatile.Read(ref busyBatches.Value) > batchesBefore, "the busy writer stopped after giving way");
        await stop.CancelAsync();
        await busyWriter;
        // A batch (20 ms) ahead at most, with room for a slow machine; without the gap the other
        // process's write waited out its 2 s busy timeout and failed with 'database is locked'.
        Assert.All(waits, w => Assert.True(w < TimeSpan.FromMilliseconds(500), $"waits {string.Join(", ", waits.Select(x => $"{x.TotalMilliseconds:F0} ms"))}"));
    }

    /// <summary>Ingestion's pattern: a batch holds the lock for its work (20 ms), and the next begins right after the commit.</summary>
    private static Task BackToBackBatchesAsync(ITicketStore store, StrongBox<int> committed, CancellationToken stop) => Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            await using var session = await store.BeginAsync(CancellationToken.None);
            await session.AllocateTicketNumberAsync("SUP");
            Thread.Sleep(20);
            await session.CommitAsync();
            Interlocked.Increment(ref committed.Value);
        }
    });
}
