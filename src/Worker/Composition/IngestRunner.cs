using System.Data.Common;
using MailTicketing.Tickets.Ingestion;
using Microsoft.Extensions.Logging;

namespace MailTicketing.Worker.Composition;

/// <summary>
/// Feeds messages to ingestion one by one. A message that fails unexpectedly is logged and
/// skipped (it stays unrecorded, so the next run tries it again); the ones behind it go on.
/// A database that cannot be written stops the run: nothing behind it could be recorded either.
/// </summary>
public sealed class IngestRunner(IngestService ingest, ILogger logger)
{
    public async Task RunAsync(IEnumerable<IncomingMail> mails, IngestSummary summary, Action? afterEach, CancellationToken cancellationToken)
    {
        foreach (var mail in mails)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var result = await ingest.IngestAsync(mail, cancellationToken);
                summary.Add(mail.Mailbox, result);
                if (result.Outcome is not (IngestOutcome.AlreadyDone or IngestOutcome.Duplicate))
                {
                    WorkerLog.Ingested(logger, mail.Mailbox, mail.SourceKey, result.Outcome, result.Ticket?.ToString() ?? "-", result.Detail);
                }
            }
            catch (DbException)
            {
                throw;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                summary.AddError(mail.Mailbox);
                WorkerLog.IngestFailed(logger, e, mail.Mailbox, mail.SourceKey);
            }

            afterEach?.Invoke();
        }
    }
}
