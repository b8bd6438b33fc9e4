namespace MailTicketing.Rules.Evaluation;

/// <summary>
/// Every keyword of a rule set (and the literals patterns must contain, see
/// <see cref="Loading.RegexLiteral"/>), found in one pass over a text instead of one search per
/// keyword per rule: with hundreds of keyword rules, searching each keyword separately costs
/// more than parsing the message. At each position the two characters there are tested
/// against a 64 Ki-bit filter of the keywords' first two characters, so most positions cost two
/// bit tests; only where the filter says yes are the keywords starting with those two
/// characters compared. One-character keywords (催) have a bit set of their own. (The pass is
/// ours rather than SearchValues because mail is as often Chinese as English, and the
/// multi-string SearchValues falls back to a dictionary per character outside ASCII.)
/// </summary>
internal sealed class KeywordIndex
{
    private const int FilterWords = (1 << 16) / 64;

    private readonly string[] _keywords;
    private readonly ulong[] _pairFilter = new ulong[FilterWords];
    private readonly ulong[] _singleFilter = new ulong[FilterWords];
    private readonly Dictionary<int, int[]> _byPair = [];
    private readonly Dictionary<char, int> _singles = [];

    private KeywordIndex(string[] keywords)
    {
        _keywords = keywords;
        var byPair = new Dictionary<int, List<int>>();
        for (var id = 0; id < keywords.Length; id++)
        {
            var keyword = keywords[id];
            if (keyword.Length == 1)
            {
                _singles[keyword[0]] = id;
                Set(_singleFilter, keyword[0]);
                continue;
            }

            var pair = Pair(keyword[0], keyword[1]);
            Set(_pairFilter, Hash(pair));
            if (!byPair.TryGetValue(pair, out var ids))
            {
                byPair[pair] = ids = [];
            }

            ids.Add(id);
        }

        foreach (var (pair, ids) in byPair)
        {
            _byPair[pair] = [.. ids];
        }
    }

    public int Count => _keywords.Length;

    public static KeywordIndex Build(IReadOnlyList<string> keywords) => new([.. keywords]);

    /// <summary>One bit per keyword id: set when the keyword occurs in <paramref name="text"/>.</summary>
    public ulong[] Scan(string text)
    {
        var hits = new ulong[(_keywords.Length + 63) / 64];
        if (_keywords.Length == 0 || text.Length == 0)
        {
            return hits;
        }

        var span = text.AsSpan();
        var hasSingles = _singles.Count > 0;
        var previous = span[0];
        for (var i = 1; i <= span.Length; i++)
        {
            if (hasSingles && IsSet(_singleFilter, previous))
            {
                Mark(hits, _singles[previous]);
            }

            if (i == span.Length)
            {
                break;
            }

            var current = span[i];
            var pair = Pair(previous, current);
            if (IsSet(_pairFilter, Hash(pair)) && _byPair.TryGetValue(pair, out var ids))
            {
                var rest = span[(i - 1)..];
                foreach (var id in ids)
                {
                    if (!IsSet(hits, id) && rest.StartsWith(_keywords[id], StringComparison.Ordinal))
                    {
                        Mark(hits, id);
                    }
                }
            }

            previous = current;
        }

        return hits;
    }

    public static bool IsSet(ulong[] bits, int index) => (bits[index >> 6] & (1UL << index)) != 0;

    private static void Set(ulong[] bits, int index) => bits[index >> 6] |= 1UL << index;

    private static void Mark(ulong[] hits, int id) => hits[id >> 6] |= 1UL << id;

    private static int Pair(char first, char second) => (first << 16) | second;

    // Fibonacci hashing: spreads the pairs of Latin and CJK text over the filter's 16 bits.
    private static int Hash(int pair) => (int)(((uint)pair * 2654435769u) >> 16);
}
