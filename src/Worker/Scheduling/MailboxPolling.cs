using MailTicketing.Imap;
using MailTicketing.Tickets.Ingestion;
using MailTicketing.Tickets.Ports;
using MailTicketing.Worker.Composition;
using MailTicketing.Worker.Configuration;
using MailTicketing.Worker.Sources;
using Microsoft.Extensions.Logging;

namespace MailTicketing.Worker.Scheduling;

/// <summary>
/// The polls of every configured mailbox, one at a time per mailbox (its job disallows
/// concurrent runs). A poll takes the mailbox's lease or skips; drains the Maildir or the IMAP
/// folder; records the run with the backlog; and for an IMAP mailbox with IDLE stays connected
/// up to <see cref="WorkerOptions.ImapIdleDuration"/>, draining as soon as mail arrives (and at
/// least every <see cref="WorkerOptions.MailboxLease"/>), so new mail is read within seconds
/// without a poll every few seconds. Ingestion itself is serialised across mailboxes: one
/// writer at a time is what SQLite wants anyway. After a failed poll the mailbox waits
/// (reconnect backoff, at least a minute for a refused login) before the next attempt.
/// </summary>
public sealed class MailboxPolling : IAsyncDisposable
{
    private readonly WorkerOptions _options;
    private readonly ImapIngestion _imap;
    private readonly IngestRunner _runner;
    private readonly ICoordinationStore _coordination;
    private readonly JobRunRecorder _recorder;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _ingestGate = new(1, 1);
    private readonly Dictionary<string, MailboxState> _mailboxes = new(StringComparer.OrdinalIgnoreCase);

    public MailboxPolling(WorkerOptions options, ImapIngestion imap, IngestRunner runner, ICoordinationStore coordination, JobRunRecorder recorder, ILogger logger)
    {
        (_options, _imap, _runner, _coordination, _recorder, _clock, _logger) = (options, imap, runner, coordination, recorder, recorder.Clock, logger);
        foreach (var mailbox in options.Mailboxes)
        {
            var imapSource = _imap.Find(mailbox.Name);
            var maildir = mailbox.Maildir is { } directory ? new MaildirSource(mailbox.Name, directory) : null;
            if (imapSource is not null || maildir is not null)
            {
                var idle = imapSource is not null && mailbox.Imap!.UseIdle ? options.ImapIdleDuration : TimeSpan.Zero;
                _mailboxes[mailbox.Name] = new MailboxState(mailbox.Name, maildir, imapSource, idle);
            }
        }
    }

    /// <summary>The mailboxes that have a source (Maildir or IMAP), each polled by its own job.</summary>
    public IEnumerable<string> Mailboxes => _mailboxes.Keys;

    /// <summary>
    /// The time within which a healthy worker records a successful poll of a mailbox: its
    /// schedule's period, or, for an IMAP mailbox waiting with IDLE, the longer of that and the
    /// lease (an IDLE wait lasts at most a lease, then the folder is drained and the run recorded).
    /// </summary>
    public static TimeSpan ExpectedPeriod(WorkerOptions options, MailboxOptions mailbox, DateTimeOffset now)
    {
        var period = JobSchedules.For(options, JobSchedules.MailboxPoll).Period(now);
        var idles = mailbox.Imap is { UseIdle: true } && options.ImapIdleDuration > TimeSpan.Zero;
        return idles && options.MailboxLease > period ? options.MailboxLease : period;
    }

    /// <summary>One poll of <paramref name="mailbox"/> (a run of its job). Never throws: failures are logged and recorded.</summary>
    public async Task PollAsync(string mailbox, CancellationToken cancellationToken)
    {
        var job = JobSchedules.MailboxJob(mailbox);
        if (!_mailboxes.TryGetValue(mailbox, out var state))
        {
            SchedulingLog.UnknownTarget(_logger, job);
            return;
        }

        var start = _clock.GetUtcNow();
        if (start < state.NotBefore)
        {
            SchedulingLog.BackingOff(_logger, mailbox, state.NotBefore, state.Failures);
            return;
        }

        LeaseHolder? lease;
        try
        {
            lease = await LeaseHolder.TryTakeAsync(_coordination, mailbox, _recorder.Owner, _options.MailboxLease, _clock, _logger, cancellationToken);
            if (lease is null && await ReleaseIfHolderDiedAsync(mailbox, cancellationToken))
            {
                lease = await LeaseHolder.TryTakeAsync(_coordination, mailbox, _recorder.Owner, _options.MailboxLease, _clock, _logger, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            await FailedAsync(state, job, start, e);
            return;
        }

        if (lease is null)
        {
            SchedulingLog.LeaseHeldElsewhere(_logger, mailbox);
            return;
        }

        await using (lease)
        {
            await PollHoldingLeaseAsync(state, job, start, lease.Token, cancellationToken);
        }
    }

    /// <summary>
    /// Frees the mailbox's live lease when its holder is a process of this machine that no longer
    /// runs (a worker killed and restarted by its service manager), so the mailbox is read now
    /// rather than when the lease expires. Whoever then takes the lease first wins, as ever.
    /// </summary>
    private async Task<bool> ReleaseIfHolderDiedAsync(string mailbox, CancellationToken cancellationToken)
    {
        var holder = (await _coordination.ListLeasesAsync(cancellationToken))
            .FirstOrDefault(l => string.Equals(l.Mailbox, mailbox, StringComparison.OrdinalIgnoreCase));
        if (holder is null || !WorkerIdentity.IsDeadOnThisMachine(holder.Owner)
            || !await _coordination.ReleaseLeaseAsync(mailbox, holder.Owner, cancellationToken))
        {
            return false;
        }

        SchedulingLog.LeaseOfDeadWorkerFreed(_logger, mailbox, holder.Owner);
        return true;
    }

    /// <summary>Gives up every lease this worker holds (at a clean stop), so another worker can take over at once.</summary>
    public async Task ReleaseLeasesAsync()
    {
        foreach (var mailbox in _mailboxes.Keys)
        {
            try
            {
                using var timeout = new CancellationTokenSource(JobRunRecorder.RecordTimeout);
                await _coordination.ReleaseLeaseAsync(mailbox, _recorder.Owner, timeout.Token);
            }
            catch (Exception e)
            {
                SchedulingLog.LeaseReleaseFailed(_logger, e, mailbox);
            }
        }
    }

    /// <summary>Closes the IMAP connections.</summary>
    public async ValueTask DisposeAsync()
    {
        await _imap.DisposeAsync();
        _ingestGate.Dispose();
    }

    /// <summary>Messages ingested by a pass (everything but items already done), failures included.</summary>
    internal static int Read(IngestSummary summary, string mailbox) =>
        Enum.GetValues<IngestOutcome>().Where(o => o != IngestOutcome.AlreadyDone).Sum(o => summary.Count(mailbox, o)) + summary.Errors(mailbox);

    private async Task PollHoldingLeaseAsync(MailboxState state, string job, DateTimeOffset start, CancellationToken leaseToken, CancellationToken stopping)
    {
        var deadline = start + state.IdleFor;
        var cycleStart = start;
        try
        {
            while (true)
            {
                var (read, backlog) = await DrainAsync(state, leaseToken);
                state.Failures = 0;
                await _recorder.RecordSuccessAsync(job, cycleStart, read, backlog);
                var left = deadline - _clock.GetUtcNow();
                if (left <= TimeSpan.Zero)
                {
                    return;
                }

                // IDLE (or NOOP polling where the server lacks it) until mail arrives, at most a
                // lease long, so the run is recorded at least that often.
                await state.Imap!.WaitForChangesAsync(left < _options.MailboxLease ? left : _options.MailboxLease, _options.PollInterval, leaseToken);
                cycleStart = _clock.GetUtcNow();
            }
        }
        catch (OperationCanceledException) when (leaseToken.IsCancellationRequested)
        {
            SchedulingLog.JobStopped(_logger, job, stopping.IsCancellationRequested ? "the worker is stopping" : "the lease was lost");
        }
        catch (Exception e)
        {
            await FailedAsync(state, job, cycleStart, e);
        }
    }

    private async Task<(int Read, int? Backlog)> DrainAsync(MailboxState state, CancellationToken cancellationToken)
    {
        var summary = new IngestSummary();
        if (state.Imap is { } imap)
        {
            await _ingestGate.WaitAsync(cancellationToken);
            try
            {
                await _imap.DrainAsync(imap, summary, cancellationToken);
            }
            finally
            {
                _ingestGate.Release();
            }

            return (Read(summary, state.Mailbox), await _imap.BacklogAsync(imap, cancellationToken));
        }

        var maildir = state.Maildir!;
        if (!maildir.Exists)
        {
            throw new DirectoryNotFoundException($"Maildir {maildir.Directory} does not exist (no cur/ or new/).");
        }

        await _ingestGate.WaitAsync(cancellationToken);
        try
        {
            await _runner.RunAsync(maildir.Read().Select(item => item.Mail), summary, afterEach: null, cancellationToken);
        }
        finally
        {
            _ingestGate.Release();
        }

        // A file whose ingestion failed stays unread and is tried again by the next poll.
        return (Read(summary, state.Mailbox), summary.Errors(state.Mailbox));
    }

    private async Task FailedAsync(MailboxState state, string job, DateTimeOffset started, Exception error)
    {
        state.Failures++;
        // A Maildir's I/O error (a missing directory is an IOException too) is no lost connection.
        var connectionLost = state.Imap is not null && ImapReconnectPolicy.IsTransient(error);
        var delay = _imap.RetryDelay(connectionLost, state.Failures);
        state.NotBefore = _clock.GetUtcNow() + delay;
        SchedulingLog.PollFailed(_logger, error, job, delay);
        await _recorder.RecordFailureAsync(job, started, error);
    }

    private sealed class MailboxState(string mailbox, MaildirSource? maildir, Sources.ImapSource? imap, TimeSpan idleFor)
    {
        public string Mailbox { get; } = mailbox;
        public MaildirSource? Maildir { get; } = maildir;
        public Sources.ImapSource? Imap { get; } = imap;
        public TimeSpan IdleFor { get; } = idleFor;
        public int Failures { get; set; }
        public DateTimeOffset NotBefore { get; set; }
    }
}
