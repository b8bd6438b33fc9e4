namespace MailTicketing.Mime.Writing;

/// <summary>
/// A message to send (acknowledgement, reply, notice), written by <see cref="MessageWriter"/>.
/// Plain mutable builder: fill it, then write it. Validation happens when it is written.
/// </summary>
public sealed class OutgoingMessage
{
    public required MailboxAddress From { get; set; }

    public List<MailboxAddress> To { get; } = [];

    public List<MailboxAddress> Cc { get; } = [];

    /// <summary>Envelope-only recipients: never written into the message (RFC 5322 §3.6.3).</summary>
    public List<MailboxAddress> Bcc { get; } = [];

    public List<MailboxAddress> ReplyTo { get; } = [];

    /// <summary>Line breaks in the subject are written as spaces; leading and trailing whitespace is dropped.</summary>
    public string Subject { get; set; } = string.Empty;

    public DateTimeOffset Date { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// The Message-ID without angle brackets. When null, the writer generates one in the From
    /// domain and stores it here, so the caller can record it for threading.
    /// </summary>
    public string? MessageId { get; set; }

    /// <summary>The parent's Message-ID without angle brackets (see <see cref="ReplyHeaders"/>).</summary>
    public string? InReplyTo { get; set; }

    /// <summary>Message-IDs without angle brackets, oldest first (see <see cref="ReplyHeaders.BuildReferences"/>).</summary>
    public List<string> References { get; } = [];

    /// <summary>Extra fields, written in this order after the standard ones.</summary>
    public List<OutgoingHeader> Headers { get; } = [];

    public string? TextBody { get; set; }

    public string? HtmlBody { get; set; }

    public List<OutgoingAttachment> Attachments { get; } = [];
}
