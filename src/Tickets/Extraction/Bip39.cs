using System.Buffers;
using System.Collections.Frozen;

namespace MailTicketing.Tickets.Extraction;

// Look-ups over the BIP-39 word lists in Bip39WordLists (generated data).
internal static class Bip39
{
    private static readonly string[] EnglishList =
        Bip39WordLists.English.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    private static readonly FrozenSet<string> EnglishSet = EnglishList.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> EnglishPrefixes =
        EnglishList.Select(w => w.Length <= 4 ? w : w[..4]).ToFrozenSet(StringComparer.Ordinal);

    private static readonly SearchValues<char> ChineseChars = SearchValues.Create(
        string.Concat(Bip39WordLists.ChineseSimplified, Bip39WordLists.ChineseTraditional)
            .Where(c => !char.IsWhiteSpace(c)).Distinct().ToArray());

    // Common short English words that sit one letter away from a list word ("the"/"they",
    // "and"/"any", "for"/"fork"); they must never pass as a typo inside a phrase.
    private static readonly FrozenSet<string> NeverTypos = new[]
    {
        "the", "and", "for", "was", "are", "not", "but", "our", "has", "had", "her", "his", "its",
        "who", "how", "why", "did", "does", "with", "from", "your", "yours", "were", "been", "than",
        "then", "them", "when", "what", "which", "there", "their", "these", "those", "into", "onto",
        "can't", "dont", "cant", "won't", "would", "should", "could", "may", "might", "must", "shall",
        "very", "just", "some", "many", "much", "more", "most", "also", "only", "even", "ever",
        "here", "where", "after", "before", "because", "since", "until", "while", "about", "please",
        "thanks", "thank", "hello", "dear", "sir", "madam", "regards", "help", "sent", "received",
        "words", "phrases", "seeds", "keys", "wallets", "mnemonic", "recovery", "backup",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static IReadOnlyList<string> EnglishWords => EnglishList;

    public static bool IsEnglishWord(ReadOnlySpan<char> lowerWord) =>
        EnglishSet.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lowerWord);

    public static bool IsChineseWord(char c) => ChineseChars.Contains(c);

    // List words that are everyday English too; at the edge of a run that is longer than a
    // phrase they are the customer's sentence going on ("… high\nPlease restore my wallet").
    private static readonly FrozenSet<string> ProseWords = new[]
    {
        "please", "help", "also", "again", "about", "all", "any", "this", "that", "have", "will", "can",
        "you", "what", "when", "just", "now", "okay", "sorry", "thank", "hello", "here", "there", "then",
        "above", "below", "next", "first", "last", "only", "still", "wallet", "phrase", "word", "seed",
        "words", "phrases", "seeds", "my", "is", "are",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsProseWord(string lowerWord) => ProseWords.Contains(lowerWord);

    // A misspelt list word: same first four letters (BIP-39 words are unique in them) or one
    // edit away from a list word.
    public static bool IsLikelyTypo(string lowerWord)
    {
        if (lowerWord.Length is < 3 or > 9 || NeverTypos.Contains(lowerWord))
        {
            return false;
        }

        if (lowerWord.Length >= 4 && EnglishPrefixes.Contains(lowerWord[..4]))
        {
            return true;
        }

        foreach (string word in EnglishList)
        {
            if (Math.Abs(word.Length - lowerWord.Length) <= 1 && IsOneEditAway(word, lowerWord))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOneEditAway(string a, string b)
    {
        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }

        int i = 0;
        while (i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (i == b.Length)
        {
            return true;
        }

        if (a.Length == b.Length)
        {
            // One substitution, or two neighbouring letters swapped ("crikcet").
            return a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))
                || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2)));
        }

        return a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i));
    }
}
