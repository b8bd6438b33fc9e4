using MailTicketing.Rules.Model;

namespace MailTicketing.Rules.Evaluation;

/// <summary>
/// Applies fired rules in file order: scalar actions of a later rule replace earlier ones,
/// tags accumulate without duplicates, fields are replaced by name.
/// </summary>
internal sealed class OutcomeBuilder
{
    private readonly List<string> _tags = [];
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);
    private readonly List<string> _fired = [];
    private readonly List<RuleExplanation> _explanations = [];
    private string? _queue;
    private string? _category;
    private RulePriority? _priority;
    private string? _sla;
    private string? _ackTemplate;
    private bool _ackSuppressed;
    private string? _assign;
    private string? _stoppedBy;

    public void ApplyDefaults(RuleActions actions) => Apply(actions);

    /// <summary>Returns the notes (e.g. a capture that timed out) for the rule's explanation.</summary>
    public string? Fire(Rule rule, MessageView message)
    {
        _fired.Add(rule.Name);
        Apply(rule.Then);
        List<string>? notes = null;
        foreach (var capture in rule.Then.Captures)
        {
            if (capture.Apply(message, _fields) is { } note)
            {
                (notes ??= []).Add(note);
            }
        }

        if (rule.Then.Stop)
        {
            _stoppedBy = rule.Name;
        }

        return notes is null ? null : string.Join("; ", notes);
    }

    public void Explain(RuleExplanation explanation) => _explanations.Add(explanation);

    public RuleOutcome Build() => new()
    {
        Queue = _queue,
        Category = _category,
        Priority = _priority,
        Tags = _tags.ToArray(),
        SlaPolicy = _sla,
        AcknowledgementTemplate = _ackTemplate,
        AcknowledgementSuppressed = _ackSuppressed,
        AssignGroup = _assign,
        Fields = new Dictionary<string, string>(_fields, StringComparer.Ordinal),
        FiredRules = _fired.ToArray(),
        Explanations = _explanations.ToArray(),
        StoppedBy = _stoppedBy,
    };

    private void Apply(RuleActions actions)
    {
        _queue = actions.Queue ?? _queue;
        _category = actions.Category ?? _category;
        _priority = actions.Priority ?? _priority;
        _sla = actions.Sla ?? _sla;
        _assign = actions.AssignGroup ?? _assign;
        if (actions.AcknowledgementSet)
        {
            _ackTemplate = actions.AcknowledgementTemplate;
            _ackSuppressed = actions.AcknowledgementTemplate is null;
        }

        foreach (var tag in actions.Tags)
        {
            if (!_tags.Contains(tag))
            {
                _tags.Add(tag);
            }
        }
    }
}
