namespace MailTicketing.Rules;

/// <summary>Settings that apply while loading and evaluating a rules file.</summary>
public sealed record RuleSetOptions
{
    public static RuleSetOptions Default { get; } = new();

    /// <summary>Time limit for one regular-expression match; a match that runs longer counts as no match.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>A larger file is refused before it is read: a rules file is written by people, not generated without bound.</summary>
    public long MaxFileBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// How deeply mappings and lists may nest (the top-level mapping is 1; each all/any adds two).
    /// Deeper input is refused while it is read, so a hostile file cannot exhaust the stack.
    /// </summary>
    public int MaxNestingDepth { get; init; } = 32;

    public int MaxRules { get; init; } = 10_000;

    /// <summary>
    /// The acknowledgement templates the application can send. When set, a template declared
    /// under <c>templates</c> that is not one of these is an error; when null, any name is accepted.
    /// </summary>
    public IReadOnlyCollection<string>? KnownTemplates { get; init; }
}
