using System.Text.RegularExpressions;
using MailTicketing.Rules.Evaluation;

namespace MailTicketing.Rules.Conditions;

/// <summary>
/// Any of the patterns matches the width-folded field (patterns are case-insensitive). A pattern
/// with required literals (<see cref="Loading.RegexLiteral"/>, looked up in the keyword index by
/// their ids; none when it has none) is run only when the message contains one of them.
/// </summary>
internal sealed class RegexCondition(TextField field, Regex[] patterns, int[][] literalIds) : Condition
{
    public override int[]? RequiredKeywords { get; } = literalIds.All(ids => ids.Length > 0) ? [.. literalIds.SelectMany(ids => ids).Distinct()] : null;

    public override bool Matches(MessageView message)
    {
        for (var i = 0; i < patterns.Length; i++)
        {
            if (MayMatch(message, i) && TryMatch(patterns[i], message.WidthFolded(field)) == true)
            {
                return true;
            }
        }

        return false;
    }

    public override bool Evaluate(MessageView message, out string reason)
    {
        var timedOut = new List<string>();
        for (var i = 0; i < patterns.Length; i++)
        {
            if (!MayMatch(message, i))
            {
                continue;
            }

            var pattern = patterns[i];
            switch (TryMatch(pattern, message.WidthFolded(field)))
            {
                case true:
                    reason = $"{KeywordCondition.Name(field)} matches /{pattern}/";
                    return true;
                case null:
                    timedOut.Add($"/{pattern}/ timed out after {pattern.MatchTimeout.TotalMilliseconds:0} ms");
                    break;
            }
        }

        reason = timedOut.Count > 0
            ? $"{KeywordCondition.Name(field)}: " + string.Join(", ", timedOut)
            : $"{KeywordCondition.Name(field)} matches none of the patterns";
        return false;
    }

    private bool MayMatch(MessageView message, int i)
    {
        var ids = literalIds[i];
        if (ids.Length == 0)
        {
            return true;
        }

        var hits = message.Hits(field);
        foreach (var id in ids)
        {
            if (KeywordIndex.IsSet(hits, id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Null when the match ran out of time: a slow pattern must not hold up the mailbox, so it counts as no match.</summary>
    private static bool? TryMatch(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
