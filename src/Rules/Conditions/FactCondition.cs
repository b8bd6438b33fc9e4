using MailTicketing.Rules.Evaluation;

namespace MailTicketing.Rules.Conditions;

/// <summary>
/// A test on the structured facts (mailbox, sender, identifiers, flags). The parser builds
/// the predicate and the wording of the explanation together, so they cannot drift apart.
/// </summary>
internal sealed class FactCondition(Func<RoutingFacts, bool> test, Func<RoutingFacts, bool, string> explain) : Condition
{
    public override bool Evaluate(MessageView message, out string reason)
    {
        var matched = test(message.Facts);
        reason = explain(message.Facts, matched);
        return matched;
    }
}
