namespace MailTicketing.Tickets.Ports;

/// <summary>
/// What workers sharing one database tell each other: who reads which mailbox (leases) and how
/// each scheduled job last went (job runs), plus the outbox figures `status` reports. Every
/// call is its own short transaction. Times come from the caller's clock, so workers sharing a
/// database need synchronised clocks (NTP); a lease of a minute tolerates a few seconds' skew.
/// </summary>
public interface ICoordinationStore
{
    /// <summary>
    /// Takes the mailbox's lease until <paramref name="now"/> + <paramref name="duration"/>, or
    /// renews it when <paramref name="owner"/> already holds it. False when another owner holds
    /// a lease that has not expired at <paramref name="now"/>: that worker reads the mailbox.
    /// One statement, so two workers racing for a free or expired lease cannot both win.
    /// </summary>
    Task<bool> TryAcquireLeaseAsync(string mailbox, string owner, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives the lease up (at a clean stop); false when <paramref name="owner"/> did not hold it.</summary>
    Task<bool> ReleaseLeaseAsync(string mailbox, string owner, CancellationToken cancellationToken);

    /// <summary>Every lease row, expired ones included, by mailbox.</summary>
    Task<IReadOnlyList<MailboxLease>> ListLeasesAsync(CancellationToken cancellationToken);

    /// <summary>Folds one finished run into its job's row: last times, last error, counts.</summary>
    Task RecordJobRunAsync(JobRun run, CancellationToken cancellationToken);

    /// <summary>Every job's row, by job name.</summary>
    Task<IReadOnlyList<JobRunState>> ListJobRunsAsync(CancellationToken cancellationToken);

    /// <summary>Outbox depth: mail not yet sent, the oldest of it, and what failed for good since <paramref name="failedSince"/>.</summary>
    Task<OutboxBacklog> GetOutboxBacklogAsync(DateTimeOffset failedSince, CancellationToken cancellationToken);
}
