using MailTicketing.Rules.Evaluation;

namespace MailTicketing.Rules.Conditions;

internal sealed class AllCondition(IReadOnlyList<Condition> parts) : Condition
{
    public IReadOnlyList<Condition> Parts { get; } = parts;

    public override bool Evaluate(MessageView message, out string reason)
    {
        var reasons = new List<string>(Parts.Count);
        foreach (var part in Parts)
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
