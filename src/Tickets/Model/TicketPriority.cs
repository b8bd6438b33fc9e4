namespace MailTicketing.Tickets.Model;

public enum TicketPriority
{
    Low,
    Normal,
    High,
    Urgent,
}
