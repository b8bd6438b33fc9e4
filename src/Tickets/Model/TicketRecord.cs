namespace MailTicketing.Tickets.Model;

/// <summary>A stored ticket's header row.</summary>
public sealed record TicketRecord(
    long Id,
    TicketNumber Number,
    string Mailbox,
    string Queue,
    string? Category,
    TicketPriority Priority,
    TicketStatus Status,
    string CustomerAddress,
    string Subject,
    string Language,
    TicketFlags Flags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long? LinkedTicketId);
