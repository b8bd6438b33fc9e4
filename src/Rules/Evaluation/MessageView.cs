namespace MailTicketing.Rules.Evaluation;

/// <summary>
/// The facts of one message as conditions read them, with what several conditions need (folded
/// texts, keyword hits, the sender's domain) computed once, on first use.
/// </summary>
internal sealed class MessageView(RoutingFacts facts, KeywordIndex keywords)
{
    private string? _subjectWidth;
    private string? _textWidth;
    private string? _contentWidth;
    private string? _subjectFolded;
    private string? _textFolded;
    private string? _contentFolded;
    private ulong[]? _subjectHits;
    private ulong[]? _textHits;
    private ulong[]? _contentHits;
    private string? _senderDomain;
    private string? _mailboxLower;
    private string? _senderDomainLower;
    private string? _senderLower;

    public RoutingFacts Facts { get; } = facts;

    public string Mailbox => Facts.Mailbox;
    public string SenderAddress => Facts.SenderAddress;
    public string SenderDomain => _senderDomain ??= Facts.SenderDomain;
    public string SenderDomainLower => _senderDomainLower ??= SenderDomain.ToLowerInvariant();
    public string MailboxLower => _mailboxLower ??= Facts.Mailbox.ToLowerInvariant();
    public string SenderLower => _senderLower ??= Facts.SenderAddress.ToLowerInvariant();
    public string? Language => Facts.Language;
    public IReadOnlyList<string> Uids => Facts.Uids;
    public IReadOnlyList<TransactionFact> Transactions => Facts.Transactions;
    public IReadOnlyList<string> OrderIds => Facts.OrderIds;
    public IReadOnlyList<AmountFact> Amounts => Facts.Amounts;
    public IReadOnlyList<string> AttachmentContentTypes => Facts.AttachmentContentTypes;
    public bool AuthenticationFailed => Facts.AuthenticationFailed;
    public bool IsAutoReply => Facts.IsAutoReply;
    public bool IsBounce => Facts.IsBounce;
    public bool IsNewTicket => Facts.IsNewTicket;

    public string WidthFolded(TextField field) => field switch
    {
        TextField.Subject => _subjectWidth ??= TextFold.Width(Facts.Subject),
        TextField.Text => _textWidth ??= TextFold.Width(Facts.Text),
        _ => _contentWidth ??= WidthFolded(TextField.Subject) + "\n" + WidthFolded(TextField.Text),
    };

    public string Folded(TextField field) => field switch
    {
        TextField.Subject => _subjectFolded ??= WidthFolded(TextField.Subject).ToLowerInvariant(),
        TextField.Text => _textFolded ??= WidthFolded(TextField.Text).ToLowerInvariant(),
        _ => _contentFolded ??= Folded(TextField.Subject) + "\n" + Folded(TextField.Text),
    };

    /// <summary>
    /// One bit per indexed keyword: set when it occurs in the folded field. Content is the
    /// subject, a line break and the text, so an indexed keyword (no line break) is in it
    /// exactly when it is in either.
    /// </summary>
    public ulong[] Hits(TextField field) => field switch
    {
        TextField.Subject => _subjectHits ??= keywords.Scan(Folded(TextField.Subject)),
        TextField.Text => _textHits ??= keywords.Scan(Folded(TextField.Text)),
        _ => _contentHits ??= Or(Hits(TextField.Subject), Hits(TextField.Text)),
    };

    private static ulong[] Or(ulong[] a, ulong[] b)
    {
        var result = new ulong[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            result[i] = a[i] | b[i];
        }

        return result;
    }
}
