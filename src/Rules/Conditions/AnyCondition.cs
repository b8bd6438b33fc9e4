using MailTicketing.Rules.Evaluation;

namespace MailTicketing.Rules.Conditions;

internal sealed class AnyCondition(IReadOnlyList<Condition> parts) : Condition
{
    // An array, not the interface: foreach over IReadOnlyList allocates an enumerator per evaluation.
    private readonly Condition[] _parts = [.. parts];

    /// <summary>One part must hold: a requirement only when every part has one, and then any of theirs.</summary>
    public override int[]? RequiredKeywords =>
        _parts.Select(p => p.RequiredKeywords).ToList() is var required && required.All(r => r is not null)
            ? [.. required.SelectMany(r => r!).Distinct()]
            : null;

    public override bool Matches(MessageView message)
    {
        foreach (var part in _parts)
        {
            if (part.Matches(message))
            {
                return true;
            }
        }

        return false;
    }

    public override bool Evaluate(MessageView message, out string reason)
    {
        var reasons = new List<string>(_parts.Length);
        foreach (var part in _parts)
        {
            if (part.Evaluate(message, out var partReason))
            {
                reason = partReason;
                return true;
            }

            reasons.Add(partReason);
        }

        reason = "none of: " + string.Join("; ", reasons);
        return false;
    }
}
