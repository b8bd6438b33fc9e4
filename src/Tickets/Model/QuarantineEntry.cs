namespace MailTicketing.Tickets.Model;

/// <summary>A stored quarantine row; <see cref="ReplayedAt"/> is set once a replay turned it into a ticket message.</summary>
public sealed record QuarantineEntry(
    long Id,
    string Mailbox,
    string Source,
    string SourceKey,
    string RawSha256,
    long Size,
    string Reason,
    string Detail,
    DateTimeOffset ReceivedAt,
    DateTimeOffset QuarantinedAt,
    DateTimeOffset? ReplayedAt);
