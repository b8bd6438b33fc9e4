namespace MailTicketing.Tickets.Model;

public enum MessageDirection
{
    Inbound,
    Outbound,
}
