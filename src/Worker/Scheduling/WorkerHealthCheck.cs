using MailTicketing.Worker.Composition;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MailTicketing.Worker.Scheduling;

/// <summary>The worker's health as `status` judges it (<see cref="StatusEvaluator"/>), for the host's health checks.</summary>
internal sealed class WorkerHealthCheck(WorkerServices services, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = await StatusReader.ReadAsync(services, clock.GetUtcNow(), cancellationToken);
        var reasons = report.Problems.Concat(report.Warnings).ToList();
        var description = reasons.Count == 0 ? "every mailbox and job is up to date" : string.Join(" ", reasons);
        return new HealthCheckResult(report.Verdict, description, data: new Dictionary<string, object>
        {
            ["problems"] = report.Problems,
            ["warnings"] = report.Warnings,
            ["outboxPending"] = report.Outbox.Backlog.Pending,
        });
    }
}
