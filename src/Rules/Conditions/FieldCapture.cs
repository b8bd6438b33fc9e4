using System.Text.RegularExpressions;
using MailTicketing.Rules.Evaluation;

namespace MailTicketing.Rules.Conditions;

/// <summary>The <c>set</c> action: each named group of the first match becomes a ticket field.</summary>
internal sealed class FieldCapture(TextField field, Regex pattern)
{
    /// <summary>Adds the captured fields; returns a note for the explanation when the match timed out.</summary>
    public string? Apply(MessageView message, IDictionary<string, string> fields)
    {
        Match match;
        try
        {
            match = pattern.Match(message.WidthFolded(field));
        }
        catch (RegexMatchTimeoutException)
        {
            return $"set: /{pattern}/ timed out after {pattern.MatchTimeout.TotalMilliseconds:0} ms";
        }

        if (!match.Success)
        {
            return null;
        }

        foreach (var name in pattern.GetGroupNames())
        {
            var group = match.Groups[name];
            if (group.Success && !int.TryParse(name, out _))
            {
                fields[name] = group.Value;
            }
        }

        return null;
    }
}
