using MailTicketing.Rules.Evaluation;

namespace MailTicketing.Rules.Conditions;

/// <summary>
/// Any of the keywords (already width- and case-folded) occurs in the folded field. Keywords are
/// looked up in the rule set's <see cref="KeywordIndex"/>, found for all rules in one pass; a
/// keyword holding a line break (which could span the subject and the text of "content") is
/// searched for directly.
/// </summary>
internal sealed class KeywordCondition(TextField field, string[] foldedKeywords, int[] ids) : Condition
{
    public override bool Matches(MessageView message) => FirstMatch(message) is not null;

    public override int[]? RequiredKeywords { get; } = ids.All(id => id >= 0) ? ids : null;

    public override bool Evaluate(MessageView message, out string reason)
    {
        if (FirstMatch(message) is { } keyword)
        {
            reason = $"{Name(field)} contains '{keyword}'";
            return true;
        }

        reason = $"{Name(field)} contains none of '{string.Join("', '", foldedKeywords)}'";
        return false;
    }

    internal static string Name(TextField field) => field switch
    {
        TextField.Subject => "subject",
        TextField.Text => "text",
        _ => "subject or text",
    };

    /// <summary>Whether a keyword can go into the index: not empty, and no line break.</summary>
    internal static bool Indexable(string foldedKeyword) => foldedKeyword.Length > 0 && !foldedKeyword.Contains('\n', StringComparison.Ordinal);

    private string? FirstMatch(MessageView message)
    {
        var hits = message.Hits(field);
        for (var i = 0; i < foldedKeywords.Length; i++)
        {
            var found = ids[i] >= 0
                ? KeywordIndex.IsSet(hits, ids[i])
                : message.Folded(field).Contains(foldedKeywords[i], StringComparison.Ordinal);
            if (found)
            {
                return foldedKeywords[i];
            }
        }

        return null;
    }
}
