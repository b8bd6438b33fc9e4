namespace MailTicketing.Rules;

/// <summary>Settings that apply while loading and evaluating a rules file.</summary>
public sealed record RuleSetOptions
{
    public static RuleSetOptions Default { get; } = new();

    /// <summary>Time limit for one regular-expression match; a match that runs longer counts as no match.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(100);
}
