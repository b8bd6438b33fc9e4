using MailTicketing.Worker.Configuration;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MailTicketing.Worker.Scheduling;

/// <summary>
/// What `run` schedules: one poll job per mailbox, the outbox job, and one job per registered
/// <see cref="IScheduledSweep"/>; and how they are put into a Quartz scheduler.
/// </summary>
public static class WorkerSchedule
{
    public static IReadOnlyList<ScheduledJob> Plan(WorkerOptions options, IEnumerable<string> mailboxes, IEnumerable<IScheduledSweep> sweeps, ILogger logger)
    {
        var poll = JobSchedules.For(options, JobSchedules.MailboxPoll);
        var jobs = mailboxes
            .Select(m => new ScheduledJob(JobSchedules.MailboxJob(m), typeof(MailboxPollJob), new Dictionary<string, string> { [MailboxPollJob.MailboxKey] = m }, poll))
            .ToList();
        jobs.Add(new ScheduledJob(JobSchedules.Outbox, typeof(OutboxJob), new Dictionary<string, string>(), JobSchedules.For(options, JobSchedules.Outbox)));
        var sweepNames = sweeps.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (sweepNames.Count == 0)
        {
            SchedulingLog.NoSweeps(logger, $"{JobSchedules.Sla} and {JobSchedules.FollowUps}");
        }

        jobs.AddRange(sweepNames.Select(name =>
            new ScheduledJob(name, typeof(SweepJob), new Dictionary<string, string> { [SweepJob.SweepKey] = name }, JobSchedules.For(options, name))));
        return jobs;
    }

    /// <summary>
    /// Whether <paramref name="job"/> runs in every worker's own scheduler (a mailbox poll: the
    /// lease decides which worker polls) rather than once per firing across the workers.
    /// </summary>
    public static bool RunsInEveryWorker(ScheduledJob job) => job.JobType == typeof(MailboxPollJob);

    /// <summary>
    /// Replaces this worker's jobs in <paramref name="scheduler"/> with <paramref name="jobs"/>:
    /// jobs of a persistent store that the configuration no longer has (a removed mailbox) go.
    /// <paramref name="lastStarted"/> (job name to its last start, from job_runs) lets a cron
    /// job whose time passed while no worker ran catch up once.
    /// </summary>
    public static async Task ApplyAsync(
        IScheduler scheduler, IReadOnlyList<ScheduledJob> jobs, DateTimeOffset startAt, IReadOnlyDictionary<string, DateTimeOffset> lastStarted, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        await scheduler.DeleteJobs(GroupMatcher<JobKey>.GroupEquals(ScheduledJob.Group), cancellationToken);
        foreach (var job in jobs)
        {
            await scheduler.ScheduleJob(job.ToJobDetail(), job.ToTriggers(startAt, lastStarted.TryGetValue(job.Name, out var last) ? last : null, clock), new ScheduleJobOptions { Replace = true }, cancellationToken);
            SchedulingLog.Scheduled(logger, job.Name, job.Schedule.ToString());
        }
    }
}
