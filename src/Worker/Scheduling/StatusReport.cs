using MailTicketing.Tickets.Ports;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MailTicketing.Worker.Scheduling;

/// <summary>
/// What `status` shows and the health check answers: per mailbox its last good poll, backlog
/// and lease; the outbox; every job's last run; SLA breaches; and the verdict with its reasons
/// (<see cref="Problems"/> make it Unhealthy, <see cref="Warnings"/> Degraded).
/// </summary>
internal sealed record StatusReport(
    DateTimeOffset Now,
    HealthStatus Verdict,
    IReadOnlyList<StatusReport.Mailbox> Mailboxes,
    StatusReport.OutboxState Outbox,
    IReadOnlyList<StatusReport.Job> Jobs,
    int? SlaBreaches,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Warnings)
{
    /// <param name="Source">"maildir" or "imap".</param>
    /// <param name="ExpectedPeriod">How often a healthy worker records a good poll of it.</param>
    public sealed record Mailbox(string Name, string Source, string Job, DateTimeOffset? LastSucceededAt, int? Backlog, MailboxLease? Lease, TimeSpan ExpectedPeriod);

    /// <param name="Period">The job's schedule period (a mailbox's expected period for a poll job).</param>
    public sealed record Job(string Name, JobRunState? Run, TimeSpan Period);

    /// <param name="OldestPendingAge">How long the oldest unsent message has waited.</param>
    public sealed record OutboxState(OutboxBacklog Backlog, TimeSpan? OldestPendingAge, TimeSpan MaxAge);
}
