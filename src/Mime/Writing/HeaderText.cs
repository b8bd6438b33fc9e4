namespace MailTicketing.Mime.Writing;

/// <summary>Writes free text (unstructured fields) and display names (phrases), encoding only where needed.</summary>
internal static class HeaderText
{
    // An ASCII word longer than this cannot share a line with anything and would approach the
    // 998-octet limit, so it is encoded (encoded words can be split anywhere between characters).
    private const int MaxPlainWordLength = 900;

    // A whitespace run this long would be carried to the start of a continuation line; put it
    // inside encoded words instead so lines stay short.
    private const int MaxPlainWhitespaceLength = 16;

    /// <summary>
    /// Appends an unstructured value (RFC 5322 §3.2.5, RFC 2047 §5(1)). Words that need encoding
    /// (non-ASCII, control characters, text that looks like an encoded word, over-long words) are
    /// merged with their neighbours that also need it, so that the whitespace between them is
    /// encoded too: decoders drop whitespace between adjacent encoded words.
    /// </summary>
    public static void AppendUnstructured(HeaderFolder header, string text)
    {
        var words = SplitWords(text.Trim(' ', '\t'));
        var encode = new bool[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            encode[i] |= NeedsEncoding(words[i].Word);
            if (i > 0 && words[i].Whitespace.Length > MaxPlainWhitespaceLength)
            {
                encode[i] = encode[i - 1] = true;
            }
        }

        for (var i = 0; i < words.Count;)
        {
            var whitespace = i == 0 ? " " : words[i].Whitespace;
            if (!encode[i])
            {
                header.AppendToken(words[i].Word, whitespace);
                i++;
                continue;
            }

            var run = new System.Text.StringBuilder(words[i].Word);
            var j = i + 1;
            for (; j < words.Count && encode[j]; j++)
            {
                run.Append(words[j].Whitespace).Append(words[j].Word);
            }

            header.AppendEncodedWords(run.ToString(), whitespace);
            i = j;
        }
    }

    /// <summary>
    /// Appends a display name (RFC 5322 §3.2.5 phrase): plain atoms when possible, a quoted-string
    /// when it has specials such as "Doe, John", and encoded words (RFC 2047 §5(3)) for anything
    /// else. Encoded words replace the whole name, so no quoting rules apply inside them.
    /// </summary>
    public static void AppendPhrase(HeaderFolder header, string name)
    {
        if (!MimeSyntax.IsPrintableAsciiOrSpace(name) || name.Contains("=?", StringComparison.Ordinal))
        {
            header.AppendEncodedWords(name, fillLines: false);
            return;
        }

        var atoms = name.Split(' ');
        if (Array.TrueForAll(atoms, a => MimeSyntax.IsAtom(a) && a.Length < HeaderFolder.PreferredLength - 2))
        {
            foreach (var atom in atoms)
            {
                header.AppendToken(atom);
            }

            return;
        }

        var quoted = MimeSyntax.Quote(name);
        if (quoted.Length < HeaderFolder.PreferredLength - 2)
        {
            header.AppendToken(quoted);
        }
        else
        {
            // Folding inside a quoted-string is legal but poorly supported; encoded words fold cleanly.
            header.AppendEncodedWords(name, fillLines: false);
        }
    }

    /// <summary>
    /// Display names are written with single spaces and no leading or trailing whitespace: in a
    /// phrase, runs of whitespace mean one space (RFC 5322 §3.2.2) and readers collapse them anyway.
    /// Line breaks and tabs count as whitespace. Returns null when nothing is left.
    /// </summary>
    public static string? NormalizeDisplayName(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var builder = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        var normalized = builder.ToString().TrimEnd(' ');
        return normalized.Length == 0 ? null : normalized;
    }

    private static bool NeedsEncoding(string word) =>
        !MimeSyntax.IsPrintableAsciiOrSpace(word)
        || word.Contains("=?", StringComparison.Ordinal)
        || word.Length > MaxPlainWordLength;

    private static List<(string Whitespace, string Word)> SplitWords(string text)
    {
        var words = new List<(string, string)>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && MimeSyntax.IsWhitespace(text[i]))
            {
                i++;
            }

            var wordStart = i;
            while (i < text.Length && !MimeSyntax.IsWhitespace(text[i]))
            {
                i++;
            }

            words.Add((text[start..wordStart], text[wordStart..i]));
        }

        return words;
    }
}
