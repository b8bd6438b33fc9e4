using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.Sla;

/// <summary>One entry of a ticket's status history: from <see cref="At"/> on, it was <see cref="Status"/>.</summary>
public readonly record struct StatusChange(DateTimeOffset At, TicketStatus Status);
