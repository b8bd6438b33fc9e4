using MailTicketing.Worker.Composition;

namespace MailTicketing.Worker.Scheduling;

/// <summary>A sweep of the domain (SLA notices, follow-ups) under its job name.</summary>
internal sealed class ScheduledSweep(string name, Func<DateTimeOffset, CancellationToken, Task<int>> run) : IScheduledSweep
{
    public string Name => name;

    public Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken) => run(now, cancellationToken);

    /// <summary>The worker's sweeps, in the order a pass runs them.</summary>
    public static IReadOnlyList<IScheduledSweep> For(ScheduleServices schedule) =>
    [
        new ScheduledSweep(JobSchedules.Sla, schedule.Sla.RunAsync),
        new ScheduledSweep(JobSchedules.FollowUps, schedule.FollowUps.RunAsync),
    ];
}
