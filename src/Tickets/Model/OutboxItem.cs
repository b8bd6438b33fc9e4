namespace MailTicketing.Tickets.Model;

/// <summary>An outgoing message waiting to be sent; written in the same transaction as the ticket change that caused it.</summary>
public sealed record OutboxItem(long TicketId, long MessageRowId, string Recipient, string MessageId, byte[] Raw, DateTimeOffset CreatedAt);
