namespace MailTicketing.Tickets.Extraction;

// Finds BIP-39 recovery phrases: at least 12 consecutive words from the English list, separated
// only by spaces, line breaks, commas or numbering ("1. abandon 2. ability"), where any 12 in a
// row hold at most one unknown word and that word is a likely typo of a list word. Ordinary prose
// breaks such runs within a few words ("the", "to", "my" are not list words). Chinese phrases are
// accepted only as 12+ single list characters each set apart by separators, which ordinary
// Chinese text never is.
internal static class SeedPhraseDetector
{
    private const int MinWords = 12;

    private enum WordClass : byte
    {
        Known,
        Unknown,
        Typo,
    }

    private readonly record struct Word(int Start, int End, WordClass Class);

    public static void Find(string folded, List<(int Start, int End)> found)
    {
        FindEnglish(folded, found);
        FindChinese(folded, found);
    }

    private static void FindEnglish(string text, List<(int Start, int End)> found)
    {
        var chain = new List<Word>();
        int i = 0;
        int lastEnd = -1;
        Span<char> lower = stackalloc char[16];
        while (i < text.Length)
        {
            if (!char.IsAsciiLetter(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            if (lastEnd >= 0 && !IsSeparatorGap(text.AsSpan(lastEnd, start - lastEnd)))
            {
                Evaluate(text, chain, found);
                chain.Clear();
            }

            var word = text.AsSpan(start, i - start);
            bool known = word.Length <= lower.Length
                && word.ToLowerInvariant(lower) == word.Length
                && Bip39.IsEnglishWord(lower[..word.Length]);
            chain.Add(new Word(start, i, known ? WordClass.Known : WordClass.Unknown));
            lastEnd = i;
        }

        Evaluate(text, chain, found);
    }

    private static void Evaluate(string text, List<Word> chain, List<(int Start, int End)> found)
    {
        if (chain.Count < MinWords)
        {
            return;
        }

        // Typo checks are costly, so they run only for the single unknown word of a window of
        // twelve that is otherwise all list words.
        int unknown = 0;
        for (int k = 0; k < chain.Count; k++)
        {
            unknown += chain[k].Class == WordClass.Unknown ? 1 : 0;
            if (k >= MinWords)
            {
                unknown -= chain[k - MinWords].Class == WordClass.Unknown ? 1 : 0;
            }

            if (k >= MinWords - 1 && unknown == 1)
            {
                for (int w = k - MinWords + 1; w <= k; w++)
                {
                    if (chain[w].Class == WordClass.Unknown && IsTypo(text, chain[w]))
                    {
                        chain[w] = chain[w] with { Class = WordClass.Typo };
                        unknown--;
                    }
                }
            }
        }

        // Segments between unknown words; a segment with a window of twelve holding at most one
        // typo is a phrase, redacted whole.
        int segmentStart = 0;
        for (int k = 0; k <= chain.Count; k++)
        {
            if (k < chain.Count && chain[k].Class != WordClass.Unknown)
            {
                continue;
            }

            if (k - segmentStart >= MinWords && HasDenseWindow(chain, segmentStart, k))
            {
                int first = segmentStart;
                int last = k - 1;
                FitToPhraseLength(text, chain, ref first, ref last);
                found.Add((chain[first].Start, chain[last].End));
            }

            segmentStart = k + 1;
        }
    }

    // Phrases have 12, 15, 18, 21 or 24 words. A longer run has swallowed the customer's own
    // words at its edges ("Please"), a shorter one may have lost a misspelt word just outside.
    private static void FitToPhraseLength(string text, List<Word> chain, ref int first, ref int last)
    {
        while (!IsPhraseLength(last - first + 1) && last - first + 1 > MinWords)
        {
            if (IsProse(text, chain[last]))
            {
                last--;
            }
            else if (IsProse(text, chain[first]))
            {
                first++;
            }
            else
            {
                break;
            }
        }

        if (!IsPhraseLength(last - first + 1))
        {
            if (last + 1 < chain.Count && IsPhraseLength(last - first + 2) && IsTypo(text, chain[last + 1]))
            {
                last++;
            }
            else if (first > 0 && IsPhraseLength(last - first + 2) && IsTypo(text, chain[first - 1]))
            {
                first--;
            }
        }
    }

    private static bool IsPhraseLength(int words) => words is 12 or 15 or 18 or 21 or 24;

    private static bool IsProse(string text, Word word) => Bip39.IsProseWord(text[word.Start..word.End].ToLowerInvariant());

    private static bool HasDenseWindow(List<Word> chain, int from, int to)
    {
        int typos = 0;
        for (int k = from; k < to; k++)
        {
            typos += chain[k].Class == WordClass.Typo ? 1 : 0;
            if (k - from >= MinWords)
            {
                typos -= chain[k - MinWords].Class == WordClass.Typo ? 1 : 0;
            }

            if (k - from >= MinWords - 1 && typos <= 1)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTypo(string text, Word word) =>
        word.Class == WordClass.Typo
        || (word.Class == WordClass.Unknown && Bip39.IsLikelyTypo(text[word.Start..word.End].ToLowerInvariant()));

    // Between two phrase words: blanks, list punctuation and numbering of at most two digits.
    private static bool IsSeparatorGap(ReadOnlySpan<char> gap)
    {
        if (gap.IsEmpty || gap.Length > 16)
        {
            return false;
        }

        int digits = 0;
        int newlines = 0;
        foreach (char c in gap)
        {
            if (char.IsAsciiDigit(c))
            {
                if (++digits > 2)
                {
                    return false;
                }

                continue;
            }

            digits = 0;
            if (c == '\n' && ++newlines > 2)
            {
                return false;
            }

            if (!char.IsWhiteSpace(c) && c is not (',' or ';' or '.' or '|' or '-' or '/' or ':' or ')' or '(' or '[' or ']' or '"' or '\'' or '#' or '、'))
            {
                return false;
            }
        }

        return true;
    }

    private static void FindChinese(string text, List<(int Start, int End)> found)
    {
        int runStart = -1;
        int runEnd = -1;
        int count = 0;
        int i = 0;
        while (i <= text.Length)
        {
            bool single = i < text.Length && Chars.IsHan(text[i])
                && !Chars.IsHan(Chars.At(text, i - 1)) && !Chars.IsHan(Chars.At(text, i + 1));
            if (single && Bip39.IsChineseWord(text[i]) && (count == 0 || IsSeparatorGap(text.AsSpan(runEnd, i - runEnd))))
            {
                if (count == 0)
                {
                    runStart = i;
                }

                count++;
                runEnd = i + 1;
                i++;
                continue;
            }

            if (i < text.Length && count > 0 && !Chars.IsHan(text[i]) && i - runEnd < 16)
            {
                i++; // still inside a possible gap
                continue;
            }

            if (count >= MinWords)
            {
                found.Add((runStart, runEnd));
            }

            if (count > 0)
            {
                count = 0;
                continue; // re-examine this character as a possible run start
            }

            i++;
        }
    }
}
