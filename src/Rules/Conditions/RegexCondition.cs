using System.Text.RegularExpressions;
using MailTicketing.Rules.Evaluation;

namespace MailTicketing.Rules.Conditions;

/// <summary>Any of the patterns matches the width-folded field (patterns are case-insensitive).</summary>
internal sealed class RegexCondition(TextField field, IReadOnlyList<Regex> patterns) : Condition
{
    public override bool Evaluate(MessageView message, out string reason)
    {
        var text = message.WidthFolded(field);
        var timedOut = new List<string>();
        foreach (var pattern in patterns)
        {
            try
            {
                if (pattern.IsMatch(text))
                {
                    reason = $"{KeywordCondition.Name(field)} matches /{pattern}/";
                    return true;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A slow pattern must not hold up the mailbox: it counts as no match, and says so.
                timedOut.Add($"/{pattern}/ timed out after {pattern.MatchTimeout.TotalMilliseconds:0} ms");
            }
        }

        reason = timedOut.Count > 0
            ? $"{KeywordCondition.Name(field)}: " + string.Join(", ", timedOut)
            : $"{KeywordCondition.Name(field)} matches none of the patterns";
        return false;
    }
}
