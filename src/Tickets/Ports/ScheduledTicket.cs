using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Sla;

namespace MailTicketing.Tickets.Ports;

/// <summary>A ticket as the schedule sees it: its header, SLA facts, and the keys already claimed for it.</summary>
/// <param name="SlaPolicy">The SLA policy a routing rule chose; null when none did (the priority decides).</param>
/// <param name="FirstResponseAt">When staff first answered the customer; null until then.</param>
/// <param name="StatusSince">When the ticket got its current status.</param>
/// <param name="StatusChanges">Every status change after creation, oldest first.</param>
/// <param name="FirstMessageId">The ticket's first message, for threading team notices; null if it had none.</param>
/// <param name="LastMessageId">The ticket's latest message (ours or theirs), for threading customer mail.</param>
/// <param name="CustomerName">The display name the customer wrote with, if any.</param>
/// <param name="CustomerSuppressed">Mail to the customer bounced permanently: nothing more is sent there.</param>
public sealed record ScheduledTicket(
    TicketRecord Ticket,
    string? SlaPolicy,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset StatusSince,
    IReadOnlyList<StatusChange> StatusChanges,
    IReadOnlySet<string> ClaimedKeys,
    string? FirstMessageId,
    string? LastMessageId,
    string? CustomerName,
    bool CustomerSuppressed)
{
    public SlaFacts SlaFacts => new(Ticket.Id, Ticket.CreatedAt, FirstResponseAt, StatusChanges);
}
