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
    /// <remarks>
    /// The source is read one batch ahead of the batch being written, and those messages are
    /// prepared (parsed, hashed, encoded) while the batch before them commits.
    /// </remarks>
    public async Task RunAsync(IEnumerable<IncomingMail> mails, IngestSummary summary, Action? afterEach, IngestHooks? hooks, CancellationToken cancellationToken)
    {
        await using var preparation = ingest.StartPreparing(cancellationToken);
        List<IncomingMail>? current = null;
        var next = new List<IncomingMail>(BatchSize);
        foreach (var mail in mails)
        {
            next.Add(mail);
            preparation?.Add(mail);
            if (next.Count == BatchSize)
            {
                if (current is not null)
                {
                    await RunBatchAsync(preparation, current, summary, afterEach, hooks, cancellationToken);
                }

                (current, next) = (next, new List<IncomingMail>(BatchSize));
            }
        }

        if (current is not null)
        {
            await RunBatchAsync(preparation, current, summary, afterEach, hooks, cancellationToken);
        }

        if (next.Count > 0)
        {
            await RunBatchAsync(preparation, next, summary, afterEach, hooks, cancellationToken);
        }
    }

    /// <param name="preparation">Where the batch's messages were added, to be taken in order; null to prepare each on the writer.</param>
    private async Task RunBatchAsync(
        PreparationQueue? preparation, List<IncomingMail> batch, IngestSummary summary, Action? afterEach, IngestHooks? hooks, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (batch.Count == 1)
        {
            await RunOneAsync(preparation, batch[0], summary, hooks, cancellationToken);
            afterEach?.Invoke();
            return;
        }

        IReadOnlyList<IngestResult>? results = null;
        try
        {
            results = await IngestAsync(preparation, batch, hooks, cancellationToken);
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

        // The batch left the preparation queue with its transaction; each message is read again.
        foreach (var mail in batch)
        {
            await RunOneAsync(preparation: null, mail, summary, hooks, cancellationToken);
            afterEach?.Invoke();
        }
    }

    private async Task RunOneAsync(PreparationQueue? preparation, IncomingMail mail, IngestSummary summary, IngestHooks? hooks, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IngestResult result;
        try
        {
            result = (await IngestAsync(preparation, [mail], hooks, cancellationToken))[0];
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

    /// <summary>One transaction for <paramref name="mails"/>, prepared by <paramref name="preparation"/> where they were added to it, else on the writer.</summary>
    private Task<IReadOnlyList<IngestResult>> IngestAsync(PreparationQueue? preparation, IReadOnlyList<IncomingMail> mails, IngestHooks? hooks, CancellationToken cancellationToken) =>
        preparation is null
            ? ingest.IngestBatchAsync(mails, BeforeCommit(hooks, mails), cancellationToken)
            : ingest.IngestBatchAsync(preparation, mails, BeforeCommit(hooks, mails), cancellationToken);

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
