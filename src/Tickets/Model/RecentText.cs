namespace MailTicketing.Tickets.Model;

/// <summary>A recent inbound message's fingerprint, for near-duplicate checks.</summary>
public sealed record RecentText(long TicketId, long MessageRowId, long TextFingerprint, DateTimeOffset ReceivedAt);
