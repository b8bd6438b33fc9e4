namespace MailTicketing.Tickets.Model;

public enum MessageKind
{
    /// <summary>Mail a person sent to a support mailbox.</summary>
    CustomerMail,
    /// <summary>Our automatic acknowledgement of a new ticket.</summary>
    Acknowledgement,
    /// <summary>A delivery failure report about one of our messages.</summary>
    Bounce,
    /// <summary>An automatic reply (out of office and the like) to one of our messages.</summary>
    AutoReply,
}
