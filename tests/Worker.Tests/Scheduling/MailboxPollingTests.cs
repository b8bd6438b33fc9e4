using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Ports;
using MailTicketing.Worker.Composition;
using MailTicketing.Worker.Configuration;
using MailTicketing.Worker.Scheduling;
using MailTicketing.Worker.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailTicketing.Worker.Tests.Scheduling;

/// <summary>A mailbox poll job's run: the lease decides who reads, the run is recorded, a failure backs off.</summary>
public sealed class MailboxPollingTests : IAsyncLifetime
{
    private const string OtherWorker = "other-host:1:ffffffff";
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly string _data = Directory.CreateTempSubdirectory("mt-polling-").FullName;
    private WorkerServices _services = null!;
    private MailboxPolling _polling = null!;
    private JobRunRecorder _recorder = null!;

    private ICoordinationStore Coordination => _services.Coordination;

    public Task InitializeAsync() => StartAsync(Path.Combine(TestPaths.RepositoryRoot, "samples", "maildir", "support"));

    public async Task DisposeAsync()
    {
        await _polling.DisposeAsync();
        await _services.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_poll_skips_a_mailbox_whose_live_lease_another_worker_holds()
    {
        await Coordination.TryAcquireLeaseAsync("support", OtherWorker, DateTimeOffset.UtcNow, Minute, CancellationToken.None);

        await _polling.PollAsync("support", CancellationToken.None);

        Assert.Empty(await Tickets());
        Assert.Empty(await Coordination.ListJobRunsAsync(CancellationToken.None));
        Assert.Equal(OtherWorker, Assert.Single(await Coordination.ListLeasesAsync(CancellationToken.None)).Owner);
    }

    [Fact]
    public async Task A_poll_takes_over_the_expired_lease_of_a_dead_worker_reads_the_mailbox_and_records_the_run()
    {
        await Coordination.TryAcquireLeaseAsync("support", OtherWorker, DateTimeOffset.UtcNow.AddMinutes(-5), Minute, CancellationToken.None);
        var files = Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "samples", "maildir", "support", "new")).Length;

        await _polling.PollAsync("support", CancellationToken.None);

        Assert.NotEmpty(await Tickets());
        var run = Assert.Single(await Coordination.ListJobRunsAsync(CancellationToken.None));
        Assert.Equal(("MailboxPoll/support", (int?)files, (int?)0, false), (run.Job, run.LastResult, run.Backlog, run.Failing));
        Assert.Equal(_recorder.Owner, Assert.Single(await Coordination.ListLeasesAsync(CancellationToken.None)).Owner);
    }

    [Fact]
    public async Task A_poll_takes_at_once_the_live_lease_of_a_killed_worker_of_this_machine_but_not_of_a_running_one()
    {
        using var running = System.Diagnostics.Process.Start("sleep", "60");
        try
        {
            await Coordination.TryAcquireLeaseAsync("support", SameMachine(running.Id), DateTimeOffset.UtcNow, Minute, CancellationToken.None);
            await _polling.PollAsync("support", CancellationToken.None);
            Assert.Empty(await Tickets());
        }
        finally
        {
            running.Kill();
            await running.WaitForExitAsync();
        }

        // The same lease, now of a process that has exited: not a minute's wait.
        await _polling.PollAsync("support", CancellationToken.None);

        Assert.NotEmpty(await Tickets());
        Assert.Equal(_recorder.Owner, Assert.Single(await Coordination.ListLeasesAsync(CancellationToken.None)).Owner);
    }

    [Fact]
    public async Task A_second_poll_reads_nothing_new_and_renews_its_own_lease()
    {
        await _polling.PollAsync("support", CancellationToken.None);
        var first = Assert.Single(await Coordination.ListLeasesAsync(CancellationToken.None));
        var tickets = (await Tickets()).Count;
        await Task.Delay(20);

        await _polling.PollAsync("support", CancellationToken.None);

        var run = Assert.Single(await Coordination.ListJobRunsAsync(CancellationToken.None));
        Assert.Equal((2L, (int?)0), (run.Runs, run.LastResult));
        Assert.Equal(tickets, (await Tickets()).Count);
        var renewed = Assert.Single(await Coordination.ListLeasesAsync(CancellationToken.None));
        Assert.Equal(first.AcquiredAt, renewed.AcquiredAt);
        Assert.True(renewed.ExpiresAt > first.ExpiresAt);
    }

    [Fact]
    public async Task Releasing_at_a_clean_stop_gives_up_only_this_workers_leases()
    {
        await _polling.PollAsync("support", CancellationToken.None);
        await Coordination.TryAcquireLeaseAsync("security", OtherWorker, DateTimeOffset.UtcNow, Minute, CancellationToken.None);

        await _polling.ReleaseLeasesAsync();

        Assert.Equal(["security"], (await Coordination.ListLeasesAsync(CancellationToken.None)).Select(l => l.Mailbox));
    }

    [Fact]
    public async Task A_failed_poll_is_recorded_and_the_mailbox_waits_before_the_next_attempt()
    {
        await _polling.DisposeAsync();
        await _services.DisposeAsync();
        await StartAsync(Path.Combine(_data, "no-such-maildir"));

        await _polling.PollAsync("support", CancellationToken.None);
        // Longer than the backoff after a lost IMAP connection (0.5-1 s): a missing Maildir is a
        // misconfiguration and waits a minute, though DirectoryNotFoundException is an IOException.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await _polling.PollAsync("support", CancellationToken.None);

        var run = Assert.Single(await Coordination.ListJobRunsAsync(CancellationToken.None));
        Assert.Equal((1L, 1L), (run.Runs, run.Failures));
        Assert.StartsWith("DirectoryNotFoundException: Maildir ", run.LastError);
    }

    private async Task StartAsync(string maildir)
    {
        var support = WorkerOptions.DefaultMailboxes()[0];
        support.Maildir = maildir;
        var options = new WorkerOptions { DataDirectory = _data, Mailboxes = [support] };
        _services = await WorkerServices.CreateAsync(options, NullLoggerFactory.Instance, TimeProvider.System, CancellationToken.None);
        _recorder = new JobRunRecorder(_services.Coordination, WorkerIdentity.Create(), TimeProvider.System, NullLogger<JobRunRecorder>.Instance);
        var runner = new IngestRunner(_services.Ingest, NullLogger.Instance);
        var imap = ImapIngestion.Create(options, _services.Store, runner, TimeProvider.System, NullLogger.Instance);
        _polling = new MailboxPolling(options, imap, runner, _services.Coordination, _recorder, NullLogger.Instance);
    }

    /// <summary>An owner of this machine's form naming <paramref name="pid"/>.</summary>
    private string SameMachine(int pid)
    {
        var parts = _recorder.Owner.Split(':');
        parts[1] = pid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return string.Join(':', parts);
    }

    private Task<IReadOnlyList<TicketRecord>> Tickets() => _services.Store.ListTicketsAsync(new TicketQuery(Limit: 1000), CancellationToken.None);
}
