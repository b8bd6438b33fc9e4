using MailTicketing.Rules.Evaluation;

namespace MailTicketing.Rules.Conditions;

internal sealed class AllCondition(IReadOnlyList<Condition> parts) : Condition
{
    // An array, not the interface: foreach over IReadOnlyList allocates an enumerator per evaluation.
    private readonly Condition[] _parts = [.. parts];

    /// <summary>Every part must hold, so any part's requirement is the whole's: the narrowest is taken.</summary>
    public override int[]? RequiredKeywords => _parts.Select(p => p.RequiredKeywords).Where(r => r is not null).OrderBy(r => r!.Length).FirstOrDefault();

    public override bool Matches(MessageView message)
    {
        foreach (var part in _parts)
        {
            if (!part.Matches(message))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Evaluate(MessageView message, out string reason)
    {
        var reasons = new List<string>(_parts.Length);
        foreach (var part in _parts)
        {
            if (!part.Evaluate(message, out var partReason))
            {
                reason = partReason;
                return false;
            }

            reasons.Add(partReason);
        }

        reason = string.Join("; ", reasons);
        return true;
    }
}
