using MailTicketing.Rules.Evaluation;

namespace MailTicketing.Rules.Conditions;

internal sealed class AnyCondition(IReadOnlyList<Condition> parts) : Condition
{
    public override bool Evaluate(MessageView message, out string reason)
    {
        var reasons = new List<string>(parts.Count);
        foreach (var part in parts)
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
