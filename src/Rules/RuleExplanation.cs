namespace MailTicketing.Rules;

/// <summary>Why one rule did or did not fire for a message.</summary>
public sealed record RuleExplanation(string RuleName, bool Matched, string Reason)
{
    public override string ToString() => $"{RuleName}: {(Matched ? "matched" : "no match")} ({Reason})";
}
