namespace MailTicketing.Rules;

/// <summary>
/// What the rules may look at for one message. The Tickets project fills it from the parsed
/// mail and the extracted identifiers; Rules depends on nothing else.
/// </summary>
public sealed record RoutingFacts
{
    /// <summary>The support address the message was delivered to, e.g. support@exchange.example.</summary>
    public string Mailbox { get; init; } = "";

    public string SenderAddress { get; init; } = "";

    /// <summary>Defaults to the part of <see cref="SenderAddress"/> after the last '@'.</summary>
    public string SenderDomain
    {
        get => _senderDomain ?? DomainOf(SenderAddress);
        init => _senderDomain = value;
    }

    public string Subject { get; init; } = "";

    /// <summary>The plain text body (or the text made from HTML).</summary>
    public string Text { get; init; } = "";

    /// <summary>"zh", "en", or null when unknown.</summary>
    public string? Language { get; init; }

    public IReadOnlyList<string> Uids { get; init; } = [];
    public IReadOnlyList<TransactionFact> Transactions { get; init; } = [];
    public IReadOnlyList<string> OrderIds { get; init; } = [];
    public IReadOnlyList<AmountFact> Amounts { get; init; } = [];

    /// <summary>Content types of the attachments, e.g. image/png (parameters are ignored).</summary>
    public IReadOnlyList<string> AttachmentContentTypes { get; init; } = [];

    /// <summary>True when SPF/DKIM/DMARC said the sender is not who it claims to be.</summary>
    public bool AuthenticationFailed { get; init; }

    public bool IsAutoReply { get; init; }
    public bool IsBounce { get; init; }

    /// <summary>True when the message opens a new ticket, false for a follow-up on an existing one.</summary>
    public bool IsNewTicket { get; init; } = true;

    private readonly string? _senderDomain;

    private static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? "" : address[(at + 1)..].TrimEnd('>', ' ');
    }
}
