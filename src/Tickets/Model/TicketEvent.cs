namespace MailTicketing.Tickets.Model;

/// <summary>One line of a ticket's history: created, message added, status changed, acknowledgement queued, …</summary>
public sealed record TicketEvent(DateTimeOffset At, string Kind, string Detail);
