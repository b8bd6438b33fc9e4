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

    /// <summary>Mail from staff on a ticket (an agent's reply with the support mailbox in copy).</summary>
    StaffMail,

    /// <summary>Our SLA reminder or breach escalation to the queue's team.</summary>
    SlaNotice,

    /// <summary>Our follow-up to the customer: waiting for their reply, or the ticket was closed.</summary>
    FollowUp,
}
