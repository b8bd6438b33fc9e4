using MailTicketing.Rules.Evaluation;

namespace MailTicketing.Rules.Conditions;

/// <summary>A compiled, already-valid test on a message; the reason explains the result to ops.</summary>
internal abstract class Condition
{
    /// <summary>Whether the condition holds, with the reason; for explanations (`rules test`).</summary>
    public abstract bool Evaluate(MessageView message, out string reason);

    /// <summary>Whether the condition holds, without building a reason; what routing uses.</summary>
    public abstract bool Matches(MessageView message);

    /// <summary>
    /// Ids of indexed keywords of which at least one is in the message's content (subject or
    /// text) whenever the condition holds; null when the condition promises none. A rule whose
    /// condition has them is skipped, without being looked at, for a message that has none.
    /// </summary>
    public virtual int[]? RequiredKeywords => null;
}
