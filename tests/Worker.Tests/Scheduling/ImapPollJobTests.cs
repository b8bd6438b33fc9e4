using MailTicketing.Imap.Tests.Support;
using MailTicketing.Tickets.Model;
using MailTicketing.Worker.Composition;
using MailTicketing.Worker.Configuration;
using MailTicketing.Worker.Scheduling;
using MailTicketing.Worker.Tests.Imap;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailTicketing.Worker.Tests.Scheduling;

/// <summary>An IMAP mailbox's poll job on the real Dovecot: IDLE within the job, the backlog, a clean stop.</summary>
public sealed class ImapPollJobTests : IAsyncLifetime
{
    private readonly ImapWorkerHarness _worker = new();
    private readonly DovecotFolders _folders = new();
    private WorkerServices? _services;
    private MailboxPolling? _polling;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_polling is not null)
        {
            await _polling.DisposeAsync();
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _folders.DisposeAsync();
        _worker.Dispose();
    }

    [DovecotFact]
    public async Task Mail_arriving_while_the_job_waits_in_IDLE_is_read_at_once_and_each_drain_is_recorded()
    {
        var folder = await _folders.CreateAsync("idle", Mail("first"));
        await StartAsync(ImapWorkerHarness.Dovecot(folder), idleFor: TimeSpan.FromSeconds(40));
        using var stop = new CancellationTokenSource();

        var poll = _polling!.PollAsync("support", stop.Token);
        Assert.True(await CountingSweep.EventuallyAsync(async () => (await TicketsAsync()).Count == 1, TimeSpan.FromSeconds(20)));
        await DovecotFolders.AppendAsync(folder, Mail("second"));

        // The schedule's interval is a minute: only IDLE can bring the second message this soon.
        Assert.True(await CountingSweep.EventuallyAsync(async () => (await TicketsAsync()).Count == 2, TimeSpan.FromSeconds(15)));
        // The run is recorded once the drain has also counted the backlog.
        Assert.True(await CountingSweep.EventuallyAsync(
            async () => (await _services!.Coordination.ListJobRunsAsync(CancellationToken.None)).SingleOrDefault() is { Runs: >= 2 },
            TimeSpan.FromSeconds(15)));
        Assert.False(poll.IsCompleted);
        await stop.CancelAsync();

        Assert.Same(poll, await Task.WhenAny(poll, Task.Delay(TimeSpan.FromSeconds(15))));
        var run = Assert.Single(await _services!.Coordination.ListJobRunsAsync(CancellationToken.None));
        Assert.Equal((0L, 0L, (int?)0), (run.Failures, run.ConsecutiveFailures, run.Backlog));
    }

    [DovecotFact]
    public async Task The_backlog_is_every_message_above_the_checkpoint()
    {
        var folder = await _folders.CreateAsync("backlog", Mail("a"), Mail("b"), Mail("c"));
        await StartAsync(ImapWorkerHarness.Dovecot(folder, ImapProcessedAction.Leave), idleFor: TimeSpan.Zero);
        var runner = new IngestRunner(_services!.Ingest, NullLogger.Instance);
        await using var imap = ImapIngestion.Create(_services.Options, _services.Store, runner, TimeProvider.System, NullLogger.Instance);
        var source = imap.Find("support")!;

        Assert.Equal(3, await imap.BacklogAsync(source, CancellationToken.None));

        await imap.DrainAsync(source, new IngestSummary(), CancellationToken.None);
        await DovecotFolders.AppendAsync(folder, Mail("d"));

        Assert.Equal(1, await imap.BacklogAsync(source, CancellationToken.None));
    }

    private static byte[] Mail(string tag) =>
        ImapWorkerHarness.CustomerMail("alice@customer.example", $"Withdrawal {tag} {Guid.NewGuid():N}", $"Where is withdrawal {tag}?");

    private async Task StartAsync(ImapMailboxOptions imap, TimeSpan idleFor)
    {
        var options = _worker.Options(imap);
        options.Mailboxes = [options.Mailboxes[0]];
        options.PollInterval = TimeSpan.FromMinutes(1);
        options.ImapIdleDuration = idleFor;
        _services = await WorkerServices.CreateAsync(options, NullLoggerFactory.Instance, TimeProvider.System, CancellationToken.None);
        var recorder = new JobRunRecorder(_services.Coordination, WorkerIdentity.Create(), TimeProvider.System, NullLogger<JobRunRecorder>.Instance);
        var runner = new IngestRunner(_services.Ingest, NullLogger.Instance);
        _polling = new MailboxPolling(options, ImapIngestion.Create(options, _services.Store, runner, TimeProvider.System, NullLogger.Instance), runner, _services.Coordination, recorder, NullLogger.Instance);
    }

    private async Task<IReadOnlyList<TicketRecord>> TicketsAsync() =>
        await _services!.Store.ListTicketsAsync(new TicketQuery(Limit: 100), CancellationToken.None);
}
