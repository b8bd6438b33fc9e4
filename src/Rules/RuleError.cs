namespace MailTicketing.Rules;

/// <summary>One problem in a rules file, at the 1-based line and column where it was found.</summary>
public sealed record RuleError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
