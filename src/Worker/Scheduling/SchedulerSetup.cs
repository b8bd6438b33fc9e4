using MailTicketing.Tickets.Ports;
using MailTicketing.Worker.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MailTicketing.Worker.Scheduling;

/// <summary>
/// Registered before Quartz's hosted service, so it starts before the schedulers do and stops
/// after them: at start it puts the worker's jobs into them (the polls into this worker's own
/// scheduler, the rest into the shared one; the sweeps are whatever <see cref="IScheduledSweep"/>s
/// the container has); at stop, once every job has returned, it
/// releases this worker's mailbox leases and closes the IMAP connections.
/// </summary>
internal sealed class SchedulerSetup(
    ISchedulerFactory schedulers, WorkerOptions options, MailboxPolling polling, ICoordinationStore coordination, IEnumerable<IScheduledSweep> sweeps, TimeProvider clock, ILogger<SchedulerSetup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var shared = await schedulers.GetScheduler(cancellationToken);
        var own = await schedulers.LookupScheduler(WorkerHost.PollSchedulerName, cancellationToken)
            ?? throw new InvalidOperationException($"The scheduler {WorkerHost.PollSchedulerName} is not registered.");
        var jobs = WorkerSchedule.Plan(options, polling.Mailboxes, sweeps, logger);
        var lastStarts = await LastStartsAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await WorkerSchedule.ApplyAsync(own, [.. jobs.Where(WorkerSchedule.RunsInEveryWorker)], now, lastStarts, clock, logger, cancellationToken);
        await WorkerSchedule.ApplyAsync(shared, [.. jobs.Where(j => !WorkerSchedule.RunsInEveryWorker(j))], now, lastStarts, clock, logger, cancellationToken);
    }

    /// <summary>When each job last started, for cron catch-up; empty when the records cannot be read (every cron job then runs once).</summary>
    private async Task<IReadOnlyDictionary<string, DateTimeOffset>> LastStartsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await coordination.ListJobRunsAsync(cancellationToken)).ToDictionary(r => r.Job, r => r.LastStartedAt, StringComparer.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            SchedulingLog.RunsUnreadable(logger, e);
            return new Dictionary<string, DateTimeOffset>();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await polling.ReleaseLeasesAsync();
        await polling.DisposeAsync();
    }
}
