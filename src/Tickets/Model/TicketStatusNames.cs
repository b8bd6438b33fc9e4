namespace MailTicketing.Tickets.Model;

/// <summary>How a status reads to a customer, per language.</summary>
public static class TicketStatusNames
{
    public static string Chinese(TicketStatus status) => status switch
    {
        TicketStatus.Submitted => "已提交",
        TicketStatus.InProgress => "处理中",
        TicketStatus.WaitingOnCustomer => "等待您的回复",
        TicketStatus.Resolved => "已解决",
        TicketStatus.Closed => "已关闭",
        _ => status.ToString(),
    };

    public static string English(TicketStatus status) => status switch
    {
        TicketStatus.Submitted => "Submitted",
        TicketStatus.InProgress => "In progress",
        TicketStatus.WaitingOnCustomer => "Waiting on you",
        TicketStatus.Resolved => "Resolved",
        TicketStatus.Closed => "Closed",
        _ => status.ToString(),
    };
}
