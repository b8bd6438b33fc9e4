using MailTicketing.Storage;
using MailTicketing.Tickets.Ports;
using MailTicketing.Worker.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;

namespace MailTicketing.Worker.Tests.Scheduling;

/// <summary>The worker's jobs in a real Quartz scheduler (in-memory store, as beside SQLite): no overlap, one catch-up run, records.</summary>
public sealed class SchedulerTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mt-scheduler-").FullName;
    private SqliteDatabase _database = null!;
    private ServiceProvider _provider = null!;
    private IScheduler? _scheduler;

    private ICoordinationStore Coordination => _database.CreateCoordinationStore();

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(new SqliteDatabaseOptions { Path = Path.Combine(_folder, "t.db") });
        await _database.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_scheduler is not null)
        {
            await _scheduler.Shutdown(waitForJobsToComplete: true);
        }

        await _provider.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_sweep_job_that_takes_longer_than_its_interval_never_overlaps_itself()
    {
        var sweep = new CountingSweep(JobSchedules.Sla, TimeSpan.FromMilliseconds(400));
        await StartAsync(sweep, JobSchedule.Every(TimeSpan.FromMilliseconds(100)), DateTimeOffset.UtcNow);

        Assert.True(await CountingSweep.EventuallyAsync(() => Task.FromResult(sweep.Runs >= 4), TimeSpan.FromSeconds(20)));

        Assert.Equal(1, sweep.MaxConcurrent);
    }

    [Fact]
    public async Task A_run_missed_five_times_over_runs_once_at_start_and_the_interval_goes_on_from_there()
    {
        var sweep = new CountingSweep(JobSchedules.Sla, TimeSpan.Zero);
        var now = DateTimeOffset.UtcNow;
        await StartAsync(sweep, JobSchedule.Every(TimeSpan.FromHours(1)), now.AddHours(-5).AddMinutes(-1));

        Assert.True(await CountingSweep.EventuallyAsync(() => Task.FromResult(sweep.Runs >= 1), TimeSpan.FromSeconds(20)));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(1, sweep.Runs);
        var trigger = await _scheduler!.GetTrigger(new TriggerKey(JobSchedules.Sla, ScheduledJob.Group));
        Assert.InRange(trigger!.NextFireTimeUtc!.Value, now.AddMinutes(55), now.AddMinutes(65));
    }

    [Fact]
    public async Task A_cron_job_whose_times_passed_since_it_last_ran_runs_once_at_start()
    {
        var sweep = new CountingSweep(JobSchedules.FollowUps, TimeSpan.Zero);
        await StartAsync(sweep, JobSchedule.At("0 0 * * * ?"), DateTimeOffset.UtcNow, lastStarted: DateTimeOffset.UtcNow.AddHours(-5));

        Assert.True(await CountingSweep.EventuallyAsync(() => Task.FromResult(sweep.Runs >= 1), TimeSpan.FromSeconds(20)));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(1, sweep.Runs);
    }

    [Fact]
    public async Task A_cron_job_that_ran_after_its_last_time_waits_for_its_next_time()
    {
        var sweep = new CountingSweep(JobSchedules.FollowUps, TimeSpan.Zero);
        await StartAsync(sweep, JobSchedule.At("0 0 0 1 1 ? 2099"), DateTimeOffset.UtcNow, lastStarted: DateTimeOffset.UtcNow.AddMinutes(-1));

        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(0, sweep.Runs);
    }

    [Fact]
    public async Task Each_run_of_a_sweep_is_recorded_with_what_it_did()
    {
        var sweep = new CountingSweep(JobSchedules.Sla, TimeSpan.Zero);
        await StartAsync(sweep, JobSchedule.Every(TimeSpan.FromHours(1)), DateTimeOffset.UtcNow);

        Assert.True(await CountingSweep.EventuallyAsync(async () => (await Coordination.ListJobRunsAsync(CancellationToken.None)).Count == 1, TimeSpan.FromSeconds(20)));

        var run = Assert.Single(await Coordination.ListJobRunsAsync(CancellationToken.None));
        Assert.Equal((JobSchedules.Sla, 1L, 0L, (int?)1), (run.Job, run.Runs, run.Failures, run.LastResult));
        Assert.NotNull(run.LastSucceededAt);
    }

    [Fact]
    public async Task A_failing_sweep_is_recorded_with_its_error_and_runs_again_at_its_next_time()
    {
        var failing = new FailingSweep();
        await StartAsync(failing, JobSchedule.Every(TimeSpan.FromMilliseconds(300)), DateTimeOffset.UtcNow);

        Assert.True(await CountingSweep.EventuallyAsync(
            async () => (await Coordination.ListJobRunsAsync(CancellationToken.None)).SingleOrDefault() is { Failures: >= 2 },
            TimeSpan.FromSeconds(20)));

        var run = Assert.Single(await Coordination.ListJobRunsAsync(CancellationToken.None));
        Assert.Equal("InvalidOperationException: the ticket table is locked", run.LastError);
        Assert.Null(run.LastSucceededAt);
        Assert.True(run.Failing);
    }

    private async Task StartAsync(IScheduledSweep sweep, JobSchedule schedule, DateTimeOffset startAt, DateTimeOffset? lastStarted = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Coordination);
        services.AddSingleton(WorkerIdentity.Create());
        services.AddSingleton<JobRunRecorder>();
        services.AddSingleton(sweep);
        services.AddQuartz(quartz => QuartzStore.Configure(quartz, persistent: false, connectionString: null));
        _provider = services.BuildServiceProvider();
        _scheduler = await _provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = new ScheduledJob(sweep.Name, typeof(SweepJob), new Dictionary<string, string> { [SweepJob.SweepKey] = sweep.Name }, schedule);
        var lastStarts = lastStarted is { } last ? new Dictionary<string, DateTimeOffset> { [sweep.Name] = last } : [];
        await WorkerSchedule.ApplyAsync(_scheduler, [job], startAt, lastStarts, TimeProvider.System, NullLogger.Instance, CancellationToken.None);
        await _scheduler.Start();
    }

    private sealed class FailingSweep : IScheduledSweep
    {
        public string Name => JobSchedules.Sla;

        public Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the ticket table is locked");
    }
}
