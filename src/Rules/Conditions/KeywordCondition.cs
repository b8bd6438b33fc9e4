using MailTicketing.Rules.Evaluation;

namespace MailTicketing.Rules.Conditions;

/// <summary>Any of the keywords (already width- and case-folded) occurs in the folded field.</summary>
internal sealed class KeywordCondition(TextField field, IReadOnlyList<string> foldedKeywords) : Condition
{
    public override bool Evaluate(MessageView message, out string reason)
    {
        var text = message.Folded(field);
        foreach (var keyword in foldedKeywords)
        {
            if (text.Contains(keyword, StringComparison.Ordinal))
            {
                reason = $"{Name(field)} contains '{keyword}'";
                return true;
            }
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
}
