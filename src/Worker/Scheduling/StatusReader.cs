using MailTicketing.Tickets.Schedule;
using MailTicketing.Worker.Composition;

namespace MailTicketing.Worker.Scheduling;

/// <summary>Reads what the verdict needs from the database and hands it to <see cref="StatusEvaluator"/>.</summary>
internal static class StatusReader
{
    public static async Task<StatusReport> ReadAsync(WorkerServices services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var runs = await services.Coordination.ListJobRunsAsync(cancellationToken);
        var leases = await services.Coordination.ListLeasesAsync(cancellationToken);
        var outbox = await services.Coordination.GetOutboxBacklogAsync(now - StatusEvaluator.FailedWindow, cancellationToken);
        var breaches = await CountSlaBreachesAsync(services, now, cancellationToken);
        return StatusEvaluator.Evaluate(services.Options, runs, leases, outbox, breaches, now);
    }

    /// <summary>How many open tickets are past an SLA target at <paramref name="now"/>.</summary>
    internal static async Task<int?> CountSlaBreachesAsync(WorkerServices services, DateTimeOffset now, CancellationToken cancellationToken) =>
        await SlaReport.CountOpenBreachesAsync(services.Schedule.Store, services.Schedule.Catalog, now, cancellationToken);
}
