namespace MailTicketing.Tickets.Model;

/// <summary>Filters for listing tickets; null means any.</summary>
public sealed record TicketQuery(string? Mailbox = null, TicketStatus? Status = null, string? Customer = null, int Limit = 100);
