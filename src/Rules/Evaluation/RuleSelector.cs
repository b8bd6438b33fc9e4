using MailTicketing.Rules.Model;

namespace MailTicketing.Rules.Evaluation;

/// <summary>
/// Picks the rules worth looking at for a message. A rule whose condition requires one of some
/// keywords (<see cref="Conditions.Condition.RequiredKeywords"/>) cannot match a message that
/// contains none of them, so it is listed under those keywords and looked at only when one is
/// present; the others are looked at always. With hundreds of word-based rules a message then
/// costs what its own words ask for, not what the whole file holds.
/// </summary>
internal sealed class RuleSelector
{
    private readonly ulong[] _always;
    private readonly int[][] _byKeyword;
    private readonly bool _anyIndexed;

    public RuleSelector(IReadOnlyList<Rule> rules, int keywordCount)
    {
        _always = new ulong[(rules.Count + 63) / 64];
        var byKeyword = new List<int>?[keywordCount];
        for (var r = 0; r < rules.Count; r++)
        {
            if (rules[r].When?.RequiredKeywords is not { } required)
            {
                _always[r >> 6] |= 1UL << r;
                continue;
            }

            foreach (var id in required)
            {
                (byKeyword[id] ??= []).Add(r);
                _anyIndexed = true;
            }
        }

        _byKeyword = [.. byKeyword.Select(list => list?.ToArray() ?? [])];
    }

    /// <summary>One bit per rule, in file order: set for the rules to evaluate.</summary>
    public ulong[] Candidates(MessageView message)
    {
        var candidates = (ulong[])_always.Clone();
        if (!_anyIndexed)
        {
            return candidates;
        }

        var hits = message.Hits(TextField.Content);
        for (var w = 0; w < hits.Length; w++)
        {
            for (var bits = hits[w]; bits != 0; bits &= bits - 1)
            {
                foreach (var r in _byKeyword[(w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits)])
                {
                    candidates[r >> 6] |= 1UL << r;
                }
            }
        }

        return candidates;
    }
}
