using MailTicketing.Rules.Evaluation;

namespace MailTicketing.Rules.Conditions;

/// <summary>A compiled, already-valid test on a message; the reason explains the result to ops.</summary>
internal abstract class Condition
{
    public abstract bool Evaluate(MessageView message, out string reason);
}
