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
    /// data in System.Text.Json. Every node needs a unique instance id: generated.
    /// A node's death is noticed after its last check-in plus the interval plus the misfire
    /// threshold; each is a quarter of <paramref name="mailboxLease"/>, so a dead worker's jobs
    /// move on about when its mailbox leases run out rather than long after.
    /// </summary>
    public static void Configure(IQuartzBuilder quartz, bool persistent, string? connectionString, TimeSpan mailboxLease)
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
            store.UseClustering(cluster =>
            {
                var quarter = mailboxLease / 4;
                cluster.CheckinInterval = quarter;
                cluster.CheckinMisfireThreshold = quarter;
            });
        });
    }
}
