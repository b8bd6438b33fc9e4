namespace MailTicketing.Bench.Ingest;

/// <summary>A problem a customer wrote about, and what a follow-up needs to thread onto it.</summary>
internal sealed class Conversation(Customer customer, Topic topic, string mailbox, string tag)
{
    public Customer Customer { get; } = customer;

    public Topic Topic { get; } = topic;

    public string Mailbox { get; } = mailbox;

    /// <summary>The ticket tag the first message is expected to get, e.g. "[Ticket#SUP-000123]".</summary>
    public string Tag { get; } = tag;

    public string Subject { get; set; } = "";

    public List<string> MessageIds { get; } = [];

    public string? TransactionId { get; set; }

    public string? OrderNumber { get; set; }

    /// <summary>The text of the first message, which a resend repeats.</summary>
    public string FirstText { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>The text of the latest message, quoted by replies and sent again by resends.</summary>
    public string LastText { get; set; } = "";

    public DateTimeOffset LastAt { get; set; }
}
