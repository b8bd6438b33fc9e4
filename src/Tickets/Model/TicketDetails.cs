namespace MailTicketing.Tickets.Model;

/// <summary>Everything about one ticket: header, the mailboxes it was received in, identifiers, participants, messages, history.</summary>
public sealed record TicketDetails(
    TicketRecord Ticket,
    TicketNumber? LinkedTicket,
    IReadOnlyList<string> Mailboxes,
    IReadOnlyList<Identifier> Identifiers,
    IReadOnlyList<string> Participants,
    IReadOnlyList<StoredMessage> Messages,
    IReadOnlyList<TicketEvent> Events);
