using MailTicketing.Rules.Evaluation;

namespace MailTicketing.Rules.Conditions;

internal sealed class NotCondition(Condition inner) : Condition
{
    public override bool Matches(MessageView message) => !inner.Matches(message);

    public override bool Evaluate(MessageView message, out string reason)
    {
        var matched = inner.Evaluate(message, out var innerReason);
        reason = "not (" + innerReason + ")";
        return !matched;
    }
}
