using MailTicketing.Mime;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.Sla;

/// <summary>Everything a team notice about an SLA says and where it goes.</summary>
/// <param name="From">The sender, usually the ticket's mailbox; our signed Message-ID is made in its domain.</param>
/// <param name="TeamAddress">The queue's team (<see cref="SlaCatalog.TeamAddressFor"/>).</param>
/// <param name="Language">"en" or "zh" (<see cref="SlaCatalog.TeamLanguage"/>).</param>
/// <param name="TicketMessageId">The ticket's first message, so the notice threads with it in the team's mail client; null if unknown.</param>
public sealed record SlaNoticeRequest(
    SlaNotice Notice,
    SlaPolicy Policy,
    TicketNumber Ticket,
    string Queue,
    TicketPriority Priority,
    TicketStatus Status,
    string Subject,
    string CustomerAddress,
    MailboxAddress From,
    string TeamAddress,
    string Language,
    string? TicketMessageId,
    DateTimeOffset Date);
