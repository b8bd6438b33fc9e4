using System.Globalization;
using System.Text;

namespace MailTicketing.Tickets.Extraction;

// Compatibility folding (NFKC) one UTF-16 unit at a time, so that the folded text has the same
// length as the original and every offset found in it is an offset in the original too. That
// matters for redaction, which must cut secrets out of the text as the customer wrote it.
// Full-width digits, letters and punctuation (Chinese input methods: "ＵＩＤ：１２３"), the
// ideographic space and NBSP all fold to ASCII; a unit whose NFKC form is longer than one unit
// (ligatures, "㎏") is left as it is.
internal static class TextFolding
{
    // 0 = not computed yet. Entries are written once with the same value by any thread.
    private static readonly char[] Table = new char[65536];

    public static string Fold(string text)
    {
        int i = 0;
        while (i < text.Length && FoldChar(text[i]) == text[i])
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        return string.Create(text.Length, (text, i), static (span, state) =>
        {
            state.text.AsSpan(0, state.i).CopyTo(span);
            for (int j = state.i; j < span.Length; j++)
            {
                span[j] = FoldChar(state.text[j]);
            }
        });
    }

    public static char FoldChar(char c)
    {
        if (c < 0x80)
        {
            return c;
        }

        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            return (char)(c - 0xFEE0);
        }

        if (c is >= '\u4E00' and <= '\u9FFF' || char.IsSurrogate(c))
        {
            return c;
        }

        char cached = Table[c];
        if (cached != '\0')
        {
            return cached;
        }

        // Unassigned code points and noncharacters (U+FFFE, U+FDD0…) cannot be normalised; ICU
        // may know fewer code points than .NET's own tables, hence the guard on both sides.
        char folded = c;
        if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.OtherNotAssigned)
        {
            try
            {
                string normalized = c.ToString().Normalize(NormalizationForm.FormKC);
                if (normalized.Length == 1)
                {
                    folded = normalized[0];
                }
            }
            catch (ArgumentException)
            {
                // Not normalisable here: the character stays as it is.
            }
        }

        Table[c] = folded;
        return folded;
    }
}
