using MailTicketing.Rules.Evaluation;

namespace MailTicketing.Rules.Conditions;

/// <summary>
/// A test on the structured facts (mailbox, sender, identifiers, flags). The parser builds
/// the predicate and the wording of the explanation together, so they cannot drift apart.
/// </summary>
internal sealed class FactCondition(Func<MessageView, bool> test, Func<MessageView, bool, string> explain) : Condition
{
    public override bool Matches(MessageView message) => test(message);

    public override bool Evaluate(MessageView message, out string reason)
    {
        var matched = test(message);
        reason = explain(message, matched);
        return matched;
    }
}
