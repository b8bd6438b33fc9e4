using Microsoft.Extensions.Logging;

namespace MailTicketing.Worker.Outbox;

/// <summary>The SMTP outbox's log events (ids 1101-1199). Never carries a secret or a message body.</summary>
internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 1101, EventName = "OutboxSent", Level = LogLevel.Information, Message = "Outbox {Id} ({Ticket}) to {Recipient}: accepted, {Reply}")]
    public static partial void Sent(ILogger logger, long id, string ticket, string recipient, string reply);

    [LoggerMessage(EventId = 1102, EventName = "OutboxRetry", Level = LogLevel.Warning, Message = "Outbox {Id} ({Ticket}) to {Recipient}: attempt {Attempt} failed, retry at {RetryAt:O}: {Error}")]
    public static partial void Retry(ILogger logger, long id, string ticket, string recipient, int attempt, DateTimeOffset retryAt, string error);

    [LoggerMessage(EventId = 1103, EventName = "OutboxFailed", Level = LogLevel.Error, Message = "Outbox {Id} ({Ticket}) to {Recipient}: failed for good after {Attempt} attempts: {Error}")]
    public static partial void Failed(ILogger logger, long id, string ticket, string recipient, int attempt, string error);

    [LoggerMessage(EventId = 1104, EventName = "SmtpUnavailable", Level = LogLevel.Warning, Message = "SMTP server {Destination} unusable; the rest of the outbox waits for the next pass: {Error}")]
    public static partial void Unavailable(ILogger logger, string destination, string error);
}
