namespace MailTicketing.Tickets.Model;

/// <summary>A message about to be stored on a ticket, inbound or outbound.</summary>
/// <param name="Text">The stored text: new text of the mail, secrets redacted.</param>
/// <param name="RawSha256">The raw message in the blob store, or null for outbound mail kept in the outbox.</param>
/// <param name="TextFingerprint">SimHash of the normalised text, for near-duplicate detection.</param>
public sealed record NewMessage(
    long TicketId,
    string Mailbox,
    MessageDirection Direction,
    MessageKind Kind,
    string? MessageId,
    string? InReplyTo,
    string FromAddress,
    string? FromName,
    IReadOnlyList<string> ToAddresses,
    string Subject,
    DateTimeOffset ReceivedAt,
    ThreadingReason Reason,
    string ReasonDetail,
    string Text,
    string? RawSha256,
    long Size,
    long TextFingerprint,
    IReadOnlyList<StoredAttachment> Attachments);
