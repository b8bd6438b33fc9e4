using System.Data.Common;
using MailTicketing.Tickets.Ingestion;
using MailTicketing.Tickets.Ports;
using Microsoft.Extensions.Logging;

namespace MailTicketing.Worker.Composition;

/// <summary>
/// Feeds messages to ingestion in batches of up to <see cref="BatchSize"/>, one transaction
/// each (a commit costs more than a message's own writes). When a batch fails it was rolled
/// back whole, and its messages are taken again one per transaction, so only the bad one is
/// skipped: it stays unrecorded and the next run tries it again. A database that cannot be
/// written stops the run: nothing behind it could be recorded either.
/// </summary>
public sealed class IngestRunner(IngestService ingest, ILogger logger)
{
    public const int BatchSize = 50;

    public Task RunAsync(IEnumerable<IncomingMail> mails, IngestSummary summary, Action? afterEach, CancellationToken cancellationToken) =>
        RunAsync(mails, summary, afterEach, hooks: null, cancellationToken);

    /// <summary>As the other overload, with <paramref name="hooks"/> told about each transaction (a source's checkpoint, its after-commit actions).</summary>
    public async Task RunAsync(IEnumerable<IncomingMail> mails, IngestSummary summary, Action? afterEach, IngestHooks? hooks, CancellationToken cancellationToken)
    {
        var batch = new List<IncomingMail>(BatchSize);
        foreach (var mail in mails)
        {
            batch.Add(mail);
            if (batch.Count == BatchSize)
            {
                await RunBatchAsync(batch, summary, afterEach, hooks, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await RunBatchAsync(batch, summary, afterEach, hooks, cancellationToken);
        }
    }

    private async Task RunBatchAsync(List<IncomingMail> batch, IngestSummary summary, Action? afterEach, IngestHooks? hooks, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (batch.Count > 1)
        {
            IReadOnlyList<IngestResult>? results = null;
            try
            {
                results = await ingest.IngestBatchAsync(batch, BeforeCommit(hooks, batch), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                WorkerLog.BatchRetried(logger, e, batch.Count);
            }

            if (results is not null)
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    Record(batch[i], results[i], summary);
                    hooks?.Committed?.Invoke(batch[i], results[i]);
                    afterEach?.Invoke();
                }

                return;
            }
        }

        foreach (var mail in batch)
        {
            await RunOneAsync(mail, summary, hooks, cancellationToken);
            afterEach?.Invoke();
        }
    }

    private async Task RunOneAsync(IncomingMail mail, IngestSummary summary, IngestHooks? hooks, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IngestResult result;
        try
        {
            result = (await ingest.IngestBatchAsync([mail], BeforeCommit(hooks, [mail]), cancellationToken))[0];
        }
        catch (DbException)
        {
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            summary.AddError(mail.Mailbox);
            WorkerLog.IngestFailed(logger, e, mail.Mailbox, mail.SourceKey);
            return;
        }

        Record(mail, result, summary);
        hooks?.Committed?.Invoke(mail, result);
    }

    private static Func<ITicketSession, IReadOnlyList<IngestResult>, Task>? BeforeCommit(IngestHooks? hooks, IReadOnlyList<IncomingMail> mails) =>
        hooks?.BeforeCommit is { } before ? (session, _) => before(session, mails) : null;

    private void Record(IncomingMail mail, IngestResult result, IngestSummary summary)
    {
        summary.Add(mail.Mailbox, result);
        if (result.Outcome is not (IngestOutcome.AlreadyDone or IngestOutcome.Duplicate))
        {
            WorkerLog.Ingested(logger, mail.Mailbox, mail.SourceKey, result.Outcome, result.Ticket?.ToString() ?? "-", result.Detail);
        }
    }
}
