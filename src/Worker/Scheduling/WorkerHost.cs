using MailTicketing.Worker.Composition;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MailTicketing.Worker.Scheduling;

/// <summary>
/// The Generic Host of `run`: Quartz runs the jobs (<see cref="WorkerSchedule"/>), the host
/// stops them on Ctrl+C or SIGTERM: the scheduler cancels the running jobs' tokens and waits
/// for them (an ingest transaction in flight commits or rolls back, never half), then the
/// leases are released.
/// </summary>
public static class WorkerHost
{
    /// <summary>How long a stop waits for the running jobs (within the command line's 30 s).</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(25);

    /// <summary>The name of each worker's own scheduler, which runs its mailbox polls.</summary>
    public const string PollSchedulerName = "MailTicketing.Polls";

    /// <param name="configure">Further registrations: the <see cref="IScheduledSweep"/>s (SLA, follow-ups).</param>
    public static IHost Build(WorkerServices services, TimeProvider clock, Action<IServiceCollection>? configure = null, bool persistentStore = false, string? connectionString = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // The command line's logging (stderr, --verbose) rather than the host's defaults.
        builder.Logging.ClearProviders();
        builder.Services.Replace(ServiceDescriptor.Singleton(services.LoggerFactory));
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);

        var logger = services.LoggerFactory.CreateLogger("MailTicketing.Worker");
        builder.Services.AddSingleton(services);
        builder.Services.AddSingleton(services.Options);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(services.Sender);
        builder.Services.AddSingleton(services.Coordination);
        builder.Services.AddSingleton(WorkerIdentity.Current);
        builder.Services.AddSingleton<JobRunRecorder>();
        builder.Services.AddSingleton(provider =>
        {
            var runner = new IngestRunner(services.Ingest, logger);
            var imap = ImapIngestion.Create(services.Options, services.Store, runner, clock, logger);
            return new MailboxPolling(services.Options, imap, runner, services.Coordination, provider.GetRequiredService<JobRunRecorder>(), logger);
        });
        configure?.Invoke(builder.Services);
        // The real sweeps, unless the caller registered its own under the same name (tests).
        var registered = builder.Services
            .Where(d => d.ServiceType == typeof(IScheduledSweep) && d.ImplementationInstance is IScheduledSweep)
            .Select(d => ((IScheduledSweep)d.ImplementationInstance!).Name)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var sweep in ScheduledSweep.For(services.Schedule).Where(s => !registered.Contains(s.Name)))
        {
            builder.Services.AddSingleton<IScheduledSweep>(sweep);
        }

        builder.Services.AddHealthChecks().AddCheck<WorkerHealthCheck>("mailticketing");
        // Before Quartz's hosted service: jobs are in place when it starts, leases released after it stops.
        builder.Services.AddHostedService<SchedulerSetup>();
        // Two schedulers. The shared one runs the outbox and the sweeps: on PostgreSQL clustered, so
        // each firing runs on one worker. The mailbox polls run in every worker's own in-memory
        // scheduler and the mailbox lease picks the one that polls: a clustered poll job of a dead
        // worker stays reserved to it until Quartz's failure detection (tens of seconds), while an
        // expired lease is taken at the next poll of a live one.
        builder.Services.AddQuartz(quartz =>
        {
            quartz.UseTimeProvider(clock);
            QuartzStore.Configure(quartz, persistentStore, connectionString);
            quartz.UseDefaultThreadPool(4);
            quartz.ConfigureScheduler(scheduler => scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs);
        });
        builder.Services.AddQuartz(PollSchedulerName, quartz =>
        {
            quartz.UseTimeProvider(clock);
            quartz.UseInMemoryStore();
            // One thread per mailbox: an IDLE poll holds its thread.
            quartz.UseDefaultThreadPool(Math.Max(1, services.Options.Mailboxes.Count));
            quartz.ConfigureScheduler(scheduler => scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs);
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder.Build();
    }
}
