using MailTicketing.Tickets.Routing;

namespace MailTicketing.Tickets.Model;

/// <summary>Everything about one ticket: header, the mailboxes it was received in, identifiers, participants, messages, history, routing.</summary>
public sealed record TicketDetails(
    TicketRecord Ticket,
    TicketNumber? LinkedTicket,
    IReadOnlyList<string> Mailboxes,
    IReadOnlyList<Identifier> Identifiers,
    IReadOnlyList<string> Participants,
    IReadOnlyList<StoredMessage> Messages,
    IReadOnlyList<TicketEvent> Events)
{
    /// <summary>SLA policy, assigned group, tags, fields and the rules that fired.</summary>
    public TicketRouting Routing { get; init; } = TicketRouting.None;
}
