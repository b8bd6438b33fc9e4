namespace MailTicketing.Tickets.Model;

/// <summary>Why a message went to the ticket it went to. Stored with every inbound message.</summary>
public enum ThreadingReason
{
    /// <summary>Nothing matched: a new ticket.</summary>
    NewTicket,
    /// <summary>In-Reply-To or References named one of our messages, or one of the ticket's own.</summary>
    ReplyReference,
    /// <summary>The subject carried the ticket's tag and the sender is the customer or a participant.</summary>
    SubjectTag,
    /// <summary>The same customer wrote about the same transaction or order within the window.</summary>
    SameIdentifier,
    /// <summary>The same customer sent nearly the same text within the window.</summary>
    NearDuplicate,
    /// <summary>A bounce or automatic reply about one of our messages.</summary>
    AboutOurMessage,
    /// <summary>A reply to a closed ticket: a new ticket linked to the closed one.</summary>
    ReplyToClosedTicket,
    /// <summary>A stranger quoted a ticket's tag: a new, flagged ticket.</summary>
    StrangerQuotedTag,
    /// <summary>Our scheduled notice on the ticket (SLA reminder, follow-up): the key it was claimed under is the detail.</summary>
    Scheduled,
}
