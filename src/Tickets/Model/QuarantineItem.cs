namespace MailTicketing.Tickets.Model;

/// <summary>A message that could not become (part of) a ticket. Its raw bytes stay in the blob store for replay.</summary>
public sealed record QuarantineItem(string Mailbox, string Source, string SourceKey, string RawSha256, long Size, string Reason, string Detail, DateTimeOffset ReceivedAt);
