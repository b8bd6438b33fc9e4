using System.Diagnostics.CodeAnalysis;

namespace MailTicketing.Rules;

/// <summary>Either a valid <see cref="Rules.RuleSet"/> or every error found in the file, never both.</summary>
public sealed class RuleLoadResult
{
    private RuleLoadResult(RuleSet? ruleSet, IReadOnlyList<RuleError> errors)
    {
        RuleSet = ruleSet;
        Errors = errors;
    }

    public RuleSet? RuleSet { get; }

    /// <summary>All errors, ordered by line and column; empty when loading succeeded.</summary>
    public IReadOnlyList<RuleError> Errors { get; }

    [MemberNotNullWhen(true, nameof(RuleSet))]
    public bool Succeeded => RuleSet is not null;

    public bool TryGetRuleSet([NotNullWhen(true)] out RuleSet? ruleSet)
    {
        ruleSet = RuleSet;
        return ruleSet is not null;
    }

    internal static RuleLoadResult Success(RuleSet ruleSet) => new(ruleSet, []);

    internal static RuleLoadResult Failure(IEnumerable<RuleError> errors) =>
        new(null, errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToArray());
}
