using System.Diagnostics;
using MailTicketing.Storage.Tests.Support;

namespace MailTicketing.Storage.Tests.Sqlite;

/// <summary>
/// Writers of one process take turns in arrival order: a write that comes while another writer
/// commits and begins again and again (ingestion, batch after batch) gets the lock at the next
/// commit instead of polling past busy_timeout.
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
        var busyBatches = 0;
        var busyWriter = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var session = await store.BeginAsync(CancellationToken.None);
                await session.AllocateTicketNumberAsync("SUP");
                // A batch's work while it holds the lock; the next batch begins right after the commit.
                Thread.Sleep(20);
                await session.CommitAsync();
                busyBatches++;
            }
        });

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
        Assert.True(busyBatches > 10, $"the busy writer committed {busyBatches} batches");
        // One batch (20 ms) ahead of it at most, with room for a slow machine; SQLite's polling gave up after 1 s.
        Assert.True(waited.Elapsed < TimeSpan.FromMilliseconds(500), $"the second write waited {waited.Elapsed.TotalMilliseconds:F0} ms");
    }
}
