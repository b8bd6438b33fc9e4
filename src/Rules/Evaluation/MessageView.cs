namespace MailTicketing.Rules.Evaluation;

/// <summary>The facts of one message with folded texts computed once, on first use.</summary>
internal sealed class MessageView(RoutingFacts facts)
{
    private string? _subjectWidth;
    private string? _textWidth;
    private string? _contentWidth;
    private string? _subjectFolded;
    private string? _textFolded;
    private string? _contentFolded;

    public RoutingFacts Facts { get; } = facts;

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
}
