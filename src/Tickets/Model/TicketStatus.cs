namespace MailTicketing.Tickets.Model;

/// <summary>Where a ticket stands. Chinese names for templates: see <see cref="TicketStatusNames"/>.</summary>
public enum TicketStatus
{
    Submitted,
    InProgress,
    WaitingOnCustomer,
    Resolved,
    Closed,
}
