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

    /// <summary>
    /// SEAM (SLA): how many open tickets are past their SLA target at <paramref name="now"/>, from
    /// the SLA evaluator (src/Tickets/Sla). Null until that is wired here: `status` shows "n/a"
    /// and the verdict leaves SLA out.
    /// </summary>
    internal static Task<int?> CountSlaBreachesAsync(WorkerServices services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        _ = (services, now, cancellationToken);
        return Task.FromResult<int?>(null);
    }
}
