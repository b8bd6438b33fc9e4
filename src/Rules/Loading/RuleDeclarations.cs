namespace MailTicketing.Rules.Loading;

/// <summary>The names a rules file declares at the top and that its actions may refer to.</summary>
internal sealed class RuleDeclarations
{
    public List<string> Queues { get; } = [];
    public List<string> Templates { get; } = [];
    public List<string> SlaPolicies { get; } = [];
    public List<string> Groups { get; } = [];
    public Dictionary<string, IReadOnlyList<string>> SenderLists { get; } = new(StringComparer.Ordinal);

    /// <summary>Every keyword of every rule, by id, for the rule set's keyword index.</summary>
    public Evaluation.KeywordRegistry Keywords { get; } = new();
}
