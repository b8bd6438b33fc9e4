using Quartz;

namespace MailTicketing.Worker.Scheduling;

/// <summary>Where Quartz keeps the schedule: in memory beside SQLite, in the database beside PostgreSQL.</summary>
public static class QuartzStore
{
    /// <summary>
    /// <paramref name="persistent"/> false: the in-memory store (one process per SQLite file;
    /// mailbox leases keep a second process off a mailbox). True: Quartz's ADO store in
    /// PostgreSQL through <paramref name="connectionString"/> (the qrtz_ tables of sql/postgres),
    /// clustered, so each firing runs on one node and a dead node's work is recovered, with job
    /// data in System.Text.Json. Every node needs a unique instance id: generated. Quartz's own
    /// check-in times stand: a dead node's outbox or sweep run is taken over within a minute or
    /// so, which only delays work that is claimed row by row anyway; mailbox polls do not wait
    /// for it (see <see cref="MailboxPollJob"/>).
    /// </summary>
    public static void Configure(IQuartzBuilder quartz, bool persistent, string? connectionString)
    {
        if (!persistent)
        {
            quartz.UseInMemoryStore();
            return;
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        quartz.ConfigureScheduler(scheduler => scheduler.GenerateInstanceId = true);
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(connectionString);
            store.UseSystemTextJsonSerializer();
            store.UseClustering();
        });
    }
}
