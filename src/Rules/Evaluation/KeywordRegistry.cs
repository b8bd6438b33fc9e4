namespace MailTicketing.Rules.Evaluation;

/// <summary>Gives every distinct keyword of a rules file one id while it is parsed; the index is built from it at the end.</summary>
internal sealed class KeywordRegistry
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _keywords = [];

    public int Register(string foldedKeyword)
    {
        if (!_ids.TryGetValue(foldedKeyword, out var id))
        {
            _ids[foldedKeyword] = id = _keywords.Count;
            _keywords.Add(foldedKeyword);
        }

        return id;
    }

    public KeywordIndex Build() => KeywordIndex.Build(_keywords);
}
