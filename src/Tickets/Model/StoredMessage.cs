namespace MailTicketing.Tickets.Model;

/// <summary>A message as stored on a ticket, for showing and exporting.</summary>
public sealed record StoredMessage(
    long Id,
    string Mailbox,
    MessageDirection Direction,
    MessageKind Kind,
    string? MessageId,
    string FromAddress,
    string? FromName,
    string Subject,
    DateTimeOffset ReceivedAt,
    ThreadingReason Reason,
    string ReasonDetail,
    string Text,
    string? RawSha256,
    IReadOnlyList<StoredAttachment> Attachments);
