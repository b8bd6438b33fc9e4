namespace MailTicketing.Tickets.Model;

/// <summary>One line of a ticket's history: created, message added, status changed, acknowledgement queued, …</summary>
public sealed record TicketEvent(DateTimeOffset At, string Kind, string Detail)
{
    /// <summary>
    /// Staff answered the customer for the first time (the first-response SLA clock stopped):
    /// written by ingestion for staff mail and by the store for a person's WaitingOnCustomer.
    /// </summary>
    public const string FirstResponseKind = "first-response";
}
