namespace MailTicketing.Tickets.Model;

/// <summary>Where a stored message lives: its row, its ticket, and how it came.</summary>
public sealed record MessageRef(long MessageRowId, long TicketId, string Mailbox, MessageDirection Direction, MessageKind Kind, string FromAddress, DateTimeOffset ReceivedAt);
