using MailTicketing.Worker.Composition;
using MailTicketing.Worker.Sources;
using Microsoft.Extensions.Logging;

namespace MailTicketing.Worker.Scheduling;

/// <summary>
/// `run --once` without the scheduler: each job once, in order. The mailboxes are leased as
/// the scheduled polls lease them (one held by a running worker is skipped with a warning: that
/// worker reads it); the Maildirs are read merged in delivery order, so mail that reached two
/// mailboxes threads as it arrived; then the IMAP folders, then the outbox. Every job's run is
/// recorded for `status`, and the leases are released at the end.
/// </summary>
internal static class DrainOnce
{
    public static async Task<IngestSummary> RunAsync(WorkerServices services, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        var options = services.Options;
        var recorder = new JobRunRecorder(services.Coordination, WorkerIdentity.Current, clock, services.LoggerFactory.CreateLogger<JobRunRecorder>());
        var runner = new IngestRunner(services.Ingest, logger);
        await using var imap = ImapIngestion.Create(options, services.Store, runner, clock, logger);
        var summary = new IngestSummary();
        var leases = new List<LeaseHolder>();
        try
        {
            var leased = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var mailbox in options.Mailboxes.Where(m => m.Maildir is not null || m.Imap is not null))
            {
                var lease = await LeaseHolder.TryTakeAsync(services.Coordination, mailbox.Name, recorder.Owner, options.MailboxLease, clock, logger, cancellationToken);
                if (lease is null)
                {
                    var holder = (await services.Coordination.ListLeasesAsync(cancellationToken)).FirstOrDefault(l => l.Mailbox == mailbox.Name)?.Owner ?? "?";
                    SchedulingLog.SkippedHeld(logger, mailbox.Name, holder);
                    continue;
                }

                leases.Add(lease);
                leased.Add(mailbox.Name);
            }

            using var anyLeaseLost = CancellationTokenSource.CreateLinkedTokenSource([cancellationToken, .. leases.Select(l => l.Token)]);
            var token = anyLeaseLost.Token;
            await DrainMaildirsAsync(services, runner, recorder, leased, summary, logger, token);

            var started = clock.GetUtcNow();
            foreach (var (mailbox, error) in await imap.DrainAllAsync(summary, token, leased))
            {
                var job = JobSchedules.MailboxJob(mailbox);
                await (error is null
                    ? recorder.RecordSuccessAsync(job, started, MailboxPolling.Read(summary, mailbox), summary.Errors(mailbox))
                    : recorder.RecordFailureAsync(job, started, error));
            }

            // The sweeps before the outbox, so what they claim goes out in this run.
            foreach (var sweep in ScheduledSweep.For(services.Schedule))
            {
                summary.Scheduled += await RecordedAsync(recorder, sweep.Name, at => sweep.RunAsync(at, cancellationToken));
            }

            summary.Delivered = await RecordedAsync(recorder, JobSchedules.Outbox, _ => services.Sender.DeliverDueAsync(cancellationToken));

            if (summary.Delivered > 0)
            {
                WorkerLog.OutboxDelivered(logger, summary.Delivered, services.Sender.Destination);
            }

            return summary;
        }
        finally
        {
            foreach (var lease in leases)
            {
                await lease.DisposeAsync();
                using var timeout = new CancellationTokenSource(JobRunRecorder.RecordTimeout);
                try
                {
                    await services.Coordination.ReleaseLeaseAsync(lease.Mailbox, recorder.Owner, timeout.Token);
                }
                catch (Exception e)
                {
                    SchedulingLog.LeaseReleaseFailed(logger, e, lease.Mailbox);
                }
            }
        }

    }

    private static async Task DrainMaildirsAsync(
        WorkerServices services, IngestRunner runner, JobRunRecorder recorder, HashSet<string> leased, IngestSummary summary, ILogger logger, CancellationToken cancellationToken)
    {
        var started = recorder.Clock.GetUtcNow();
        var sources = new List<MaildirSource>();
        foreach (var source in services.MaildirSources().Where(s => leased.Contains(s.Mailbox)))
        {
            if (source.Exists)
            {
                sources.Add(source);
            }
            else
            {
                WorkerLog.MaildirMissing(logger, source.Mailbox, source.Directory);
                await recorder.RecordFailureAsync(JobSchedules.MailboxJob(source.Mailbox), started, new DirectoryNotFoundException($"Maildir {source.Directory} does not exist (no cur/ or new/)."));
            }
        }

        try
        {
            await runner.RunAsync(MaildirSource.Merge(sources), summary, afterEach: null, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var source in sources)
            {
                await recorder.RecordFailureAsync(JobSchedules.MailboxJob(source.Mailbox), started, e);
            }

            throw;
        }

        foreach (var source in sources)
        {
            // A file whose ingestion failed stays unread: the backlog.
            await recorder.RecordSuccessAsync(JobSchedules.MailboxJob(source.Mailbox), started, MailboxPolling.Read(summary, source.Mailbox), summary.Errors(source.Mailbox));
        }
    }

    /// <summary>
    /// Runs one job of the pass and records its run. Unlike a scheduled run, a failure is
    /// rethrown: `run --once` reports it by its exit code.
    /// </summary>
    private static async Task<int> RecordedAsync(JobRunRecorder recorder, string job, Func<DateTimeOffset, Task<int>> work)
    {
        var started = recorder.Clock.GetUtcNow();
        try
        {
            var result = await work(started);
            await recorder.RecordSuccessAsync(job, started, result, null);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await recorder.RecordFailureAsync(job, started, e);
            throw;
        }
    }

}
