using Microsoft.Extensions.Logging;

namespace MailTicketing.Worker.Sources;

/// <summary>Log events of the IMAP sources (ids 11xx). Secrets never appear: only names of variables.</summary>
internal static partial class ImapLog
{
    [LoggerMessage(EventId = 1101, EventName = "ImapConnected", Level = LogLevel.Information, Message = "{Mailbox}: connected to {Source} (UIDVALIDITY {UidValidity}, {Exists} messages)")]
    public static partial void Connected(ILogger logger, string mailbox, string source, long uidValidity, uint exists);

    [LoggerMessage(EventId = 1102, EventName = "ImapUidValidityChanged", Level = LogLevel.Warning, Message = "{Mailbox}: UIDVALIDITY of {Source} changed from {Previous} to {Current}; reading the folder again from UID 1 (duplicates are recognised and skipped)")]
    public static partial void UidValidityChanged(ILogger logger, string mailbox, string source, long previous, long current);

    [LoggerMessage(EventId = 1103, EventName = "ImapDrained", Level = LogLevel.Information, Message = "{Mailbox}: {Count} messages fetched from {Source}; checkpoint at UID {LastUid}")]
    public static partial void Drained(ILogger logger, string mailbox, string source, int count, long lastUid);

    [LoggerMessage(EventId = 1104, EventName = "ImapProcessedActionFailed", Level = LogLevel.Warning, Message = "{Mailbox}: {Action} of {Count} processed messages failed; they stay and will be recognised as done next time")]
    public static partial void ProcessedActionFailed(ILogger logger, Exception exception, string mailbox, string action, int count);

    [LoggerMessage(EventId = 1105, EventName = "ImapReconnecting", Level = LogLevel.Warning, Message = "{Mailbox}: connection to {Source} failed ({Error}); attempt {Attempt}, reconnecting in {Delay}")]
    public static partial void Reconnecting(ILogger logger, string mailbox, string source, string error, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 1106, EventName = "ImapFailed", Level = LogLevel.Error, Message = "{Mailbox}: reading {Source} failed; trying again in {Delay}")]
    public static partial void Failed(ILogger logger, Exception exception, string mailbox, string source, TimeSpan delay);

    [LoggerMessage(EventId = 1107, EventName = "ImapCheckpointHeld", Level = LogLevel.Warning, Message = "{Mailbox}: a message of {Source} failed; the checkpoint stays at UID {LastUid} so it is fetched again")]
    public static partial void CheckpointHeld(ILogger logger, string mailbox, string source, long lastUid);
}
