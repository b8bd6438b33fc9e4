namespace MailTicketing.Worker.Scheduling;

/// <summary>
/// Work the worker runs on a schedule over the whole database: the SLA sweep, the follow-up
/// sweep. Each registered implementation becomes one job named <see cref="Name"/>, scheduled
/// by MailTicketing:Schedules:&lt;Name&gt; (JobSchedules.Sla, JobSchedules.FollowUps). A run may
/// be repeated (a retried firing, two workers after a lease expired, a catch-up after a
/// restart), so a sweep must be idempotent: running it twice at the same time changes nothing more.
/// </summary>
public interface IScheduledSweep
{
    /// <summary>The job's name; also the key of its schedule and of its job-run record.</summary>
    string Name { get; }

    /// <summary>Does what is due at <paramref name="now"/>; returns how many actions it took.</summary>
    Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
