using MailTicketing.Tickets.Ingestion;
using Microsoft.Extensions.Logging;

namespace MailTicketing.Worker.Composition;

/// <summary>The worker's log events, with stable ids.</summary>
internal static partial class WorkerLog
{
    [LoggerMessage(EventId = 1001, EventName = "MessageIngested", Level = LogLevel.Information, Message = "{Mailbox} {SourceKey}: {Outcome} {Ticket} ({Detail})")]
    public static partial void Ingested(ILogger logger, string mailbox, string sourceKey, IngestOutcome outcome, string ticket, string detail);

    [LoggerMessage(EventId = 1002, EventName = "MessageIngestFailed", Level = LogLevel.Error, Message = "{Mailbox} {SourceKey}: ingestion failed; it will be tried again on the next run")]
    public static partial void IngestFailed(ILogger logger, Exception exception, string mailbox, string sourceKey);

    [LoggerMessage(EventId = 1005, EventName = "BatchRetried", Level = LogLevel.Warning, Message = "A batch of {Count} messages failed and was rolled back; taking them one at a time")]
    public static partial void BatchRetried(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 1003, EventName = "MaildirMissing", Level = LogLevel.Warning, Message = "{Mailbox}: Maildir {Directory} does not exist; skipped")]
    public static partial void MaildirMissing(ILogger logger, string mailbox, string directory);

    [LoggerMessage(EventId = 1004, EventName = "OutboxDelivered", Level = LogLevel.Information, Message = "{Count} outbox messages written to {Folder}")]
    public static partial void OutboxDelivered(ILogger logger, int count, string folder);
}
