namespace MailTicketing.Tickets.Model;

/// <summary>A ticket about to be stored.</summary>
public sealed record NewTicket(
    TicketNumber Number,
    string Mailbox,
    string Queue,
    string? Category,
    TicketPriority Priority,
    string CustomerAddress,
    string Subject,
    string Language,
    TicketFlags Flags,
    DateTimeOffset CreatedAt,
    long? LinkedTicketId);
