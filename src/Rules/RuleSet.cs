using System.Diagnostics.CodeAnalysis;
using MailTicketing.Rules.Evaluation;
using MailTicketing.Rules.Loading;
using MailTicketing.Rules.Model;

namespace MailTicketing.Rules;

/// <summary>
/// A parsed, validated and immutable rules file. Rules are evaluated top to bottom; see
/// docs/rules.md for the file format and the precedence of actions.
/// </summary>
public sealed class RuleSet
{
    private readonly Rule[] _rules;
    private readonly RuleActions _defaults;
    private readonly KeywordIndex _keywords;
    private readonly RuleSelector _selector;

    internal RuleSet(string fileName, IReadOnlyList<Rule> rules, RuleActions defaults, RuleDeclarations declarations)
    {
        FileName = fileName;
        _rules = [.. rules];
        _defaults = defaults;
        _keywords = declarations.Keywords.Build();
        _selector = new RuleSelector(rules, _keywords.Count);
        RuleNames = rules.Select(r => r.Name).ToArray();
        Queues = declarations.Queues.ToArray();
        Templates = declarations.Templates.ToArray();
        SlaPolicies = declarations.SlaPolicies.ToArray();
        Groups = declarations.Groups.ToArray();
    }

    public string FileName { get; }
    public IReadOnlyList<string> RuleNames { get; }
    public IReadOnlyList<string> Queues { get; }
    public IReadOnlyList<string> Templates { get; }
    public IReadOnlyList<string> SlaPolicies { get; }
    public IReadOnlyList<string> Groups { get; }

    public static RuleLoadResult Parse(string yaml, string fileName, RuleSetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        return new RuleFileParser(fileName, options ?? RuleSetOptions.Default).Parse(yaml);
    }

    /// <summary>Reads and parses a file; a file that cannot be read is reported as an error at 0:0.</summary>
    public static RuleLoadResult Load(string path, RuleSetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= RuleSetOptions.Default;
        string yaml;
        try
        {
            // Checked before reading, so a huge file (a mistaken path) is not loaded into memory.
            var length = new FileInfo(path).Length;
            if (length > options.MaxFileBytes)
            {
                return RuleLoadResult.Failure([RuleFileParser.TooLarge(path, length, options.MaxFileBytes)]);
            }

            yaml = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return RuleLoadResult.Failure([new RuleError(path, 0, 0, "cannot read the rules file: " + e.Message)]);
        }

        return Parse(yaml, path, options);
    }

    public static bool TryParse(
        string yaml,
        string fileName,
        [NotNullWhen(true)] out RuleSet? ruleSet,
        out IReadOnlyList<RuleError> errors)
    {
        var result = Parse(yaml, fileName);
        ruleSet = result.RuleSet;
        errors = result.Errors;
        return ruleSet is not null;
    }

    /// <summary>
    /// Routes one message and explains every rule (matched, with the condition that held; or
    /// not, with the reason), for `rules test`. Never throws for any facts; a regex that times
    /// out counts as no match.
    /// </summary>
    public RuleOutcome Evaluate(RoutingFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Run(facts);
    }

    /// <summary>
    /// Routes one message as <see cref="Evaluate"/> does, with the same outcome but no
    /// explanations (<see cref="RuleOutcome.Explanations"/> is empty): what ingestion uses.
    /// </summary>
    public RuleOutcome Route(RoutingFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var message = new MessageView(facts, _keywords);
        var outcome = Start(facts, out var scope);
        var candidates = _selector.Candidates(message);
        for (var w = 0; w < candidates.Length; w++)
        {
            for (var bits = candidates[w]; bits != 0; bits &= bits - 1)
            {
                var rule = _rules[(w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits)];
                if ((rule.Scope & scope) != 0 && (rule.When is null || rule.When.Matches(message)))
                {
                    outcome.Fire(rule, message);
                    if (rule.Then.Stop)
                    {
                        return outcome.Build();
                    }
                }
            }
        }

        return outcome.Build();
    }

    private OutcomeBuilder Start(RoutingFacts facts, out TicketScope scope)
    {
        var outcome = new OutcomeBuilder();
        if (facts.IsNewTicket)
        {
            // Defaults describe a new ticket; on a follow-up only what a rule says changes anything.
            outcome.ApplyDefaults(_defaults);
        }

        scope = facts.IsNewTicket ? TicketScope.New : TicketScope.FollowUp;
        return outcome;
    }

    /// <summary>Every rule in file order, each explained; the conditions build their reasons.</summary>
    private RuleOutcome Run(RoutingFacts facts)
    {
        var message = new MessageView(facts, _keywords);
        var outcome = Start(facts, out var scope);
        string? stoppedBy = null;
        foreach (var rule in _rules)
        {
            if (stoppedBy is not null)
            {
                outcome.Explain(new(rule.Name, false, $"not evaluated: rule '{stoppedBy}' stopped evaluation"));
                continue;
            }

            if ((rule.Scope & scope) == 0)
            {
                var only = rule.Scope == TicketScope.New ? "new tickets" : "follow-ups";
                outcome.Explain(new(rule.Name, false, $"skipped: applies to {only} only"));
                continue;
            }

            var reason = "no conditions";
            if (rule.When is not null && !rule.When.Evaluate(message, out reason))
            {
                outcome.Explain(new(rule.Name, false, reason));
                continue;
            }

            var note = outcome.Fire(rule, message);
            if (note is not null)
            {
                reason += "; " + note;
            }

            if (rule.Then.Stop)
            {
                stoppedBy = rule.Name;
                reason += "; stop";
            }

            outcome.Explain(new(rule.Name, true, reason));
        }

        return outcome.Build();
    }
}
