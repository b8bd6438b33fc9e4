namespace MailTicketing.Rules;

/// <summary>The routing decided for one message, and how the rules arrived at it.</summary>
public sealed record RuleOutcome
{
    public string? Queue { get; init; }
    public string? Category { get; init; }
    public RulePriority? Priority { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? SlaPolicy { get; init; }

    /// <summary>The acknowledgement template to send; null when none was chosen or it was suppressed.</summary>
    public string? AcknowledgementTemplate { get; init; }

    /// <summary>True when a rule said <c>acknowledge: false</c> (and no later rule chose a template).</summary>
    public bool AcknowledgementSuppressed { get; init; }

    public string? AssignGroup { get; init; }

    /// <summary>Ticket fields set from named captures, by field name.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>Names of the rules that fired, in evaluation order.</summary>
    public IReadOnlyList<string> FiredRules { get; init; } = [];

    /// <summary>One entry per rule in the file, in file order.</summary>
    public IReadOnlyList<RuleExplanation> Explanations { get; init; } = [];

    /// <summary>The rule whose <c>stop</c> ended evaluation, if any.</summary>
    public string? StoppedBy { get; init; }
}
