using MailTicketing.Worker.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MailTicketing.Worker.Scheduling;

/// <summary>
/// Registered before Quartz's hosted service, so it starts before the scheduler does and stops
/// after it: at start it puts the worker's jobs into the scheduler (the sweeps are whatever
/// <see cref="IScheduledSweep"/>s the container has); at stop, once every job has returned, it
/// releases this worker's mailbox leases and closes the IMAP connections.
/// </summary>
internal sealed class SchedulerSetup(
    ISchedulerFactory schedulers, WorkerOptions options, MailboxPolling polling, IEnumerable<IScheduledSweep> sweeps, TimeProvider clock, ILogger<SchedulerSetup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var jobs = WorkerSchedule.Plan(options, polling.Mailboxes, sweeps, logger);
        await WorkerSchedule.ApplyAsync(scheduler, jobs, clock.GetUtcNow(), clock, logger, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await polling.ReleaseLeasesAsync();
        await polling.DisposeAsync();
    }
}
