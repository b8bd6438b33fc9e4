using MailTicketing.Rules.Conditions;

namespace MailTicketing.Rules.Model;

/// <summary>
/// What a rule does when it fires. Null means "not set by this rule"; an acknowledgement is
/// set when <see cref="AcknowledgementSet"/> is true, and then a null template means "none".
/// </summary>
internal sealed record RuleActions
{
    public string? Queue { get; init; }
    public string? Category { get; init; }
    public RulePriority? Priority { get; init; }
    public string[] Tags { get; init; } = [];
    public string? Sla { get; init; }
    public bool AcknowledgementSet { get; init; }
    public string? AcknowledgementTemplate { get; init; }
    public string? AssignGroup { get; init; }
    public FieldCapture[] Captures { get; init; } = [];
    public bool Stop { get; init; }
}
