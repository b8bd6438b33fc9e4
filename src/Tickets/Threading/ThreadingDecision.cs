using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.Threading;

/// <summary>
/// Which ticket a message joins (null: a new one) and why. <see cref="Related"/> is the ticket a
/// new one links to (a closed ticket replied to) or the ticket whose tag a stranger quoted.
/// </summary>
public sealed record ThreadingDecision(TicketRecord? Ticket, ThreadingReason Reason, string Detail, TicketFlags Flags, TicketRecord? Related);
