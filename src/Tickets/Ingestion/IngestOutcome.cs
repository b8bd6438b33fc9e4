namespace MailTicketing.Tickets.Ingestion;

public enum IngestOutcome
{
    /// <summary>A new ticket was opened.</summary>
    NewTicket,
    /// <summary>The message joined an existing ticket.</summary>
    AddedToTicket,
    /// <summary>The same message (by Message-ID) reached another mailbox; the ticket is now visible there too.</summary>
    AlsoReceivedInMailbox,
    /// <summary>A bounce about one of our messages, attached to its ticket.</summary>
    AboutOurMessage,
    /// <summary>This source item was handled before; nothing changed.</summary>
    AlreadyDone,
    /// <summary>The mailbox already had exactly these bytes, or this Message-ID; nothing changed.</summary>
    Duplicate,
    /// <summary>One of our own messages came back; nothing to do.</summary>
    Ignored,
    /// <summary>Kept raw with a reason for ops to look at and replay.</summary>
    Quarantined,
}
