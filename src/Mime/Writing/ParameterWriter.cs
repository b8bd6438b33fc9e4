using System.Text;

namespace MailTicketing.Mime.Writing;

/// <summary>
/// Writes Content-Type / Content-Disposition values: "value; p1=v1; p2=v2", one token per
/// parameter (or per RFC 2231 continuation segment), folding at the space after each ';'.
/// </summary>
internal static class ParameterWriter
{
    // A segment plus its leading space and trailing ';' fills a 78-column line at most.
    private const int MaxSegmentLength = HeaderFolder.PreferredLength - 2;

    // Octets per encoded word in name="=?utf-8?B?...?=": with 'name="' and '";' it still fits a line.
    private const int QuotedWordBytes = 42;

    /// <summary>
    /// Builds the field. Each segment is one parameter (or one RFC 2231 continuation) and is
    /// followed by ';' unless it is the last; a segment of several words may fold between them.
    /// </summary>
    public static IReadOnlyList<string> Build(string name, string value, IReadOnlyList<string[]> segments)
    {
        var header = new HeaderFolder(name);
        header.AppendToken(segments.Count > 0 ? value + ";" : value);
        for (var i = 0; i < segments.Count; i++)
        {
            var words = segments[i];
            for (var w = 0; w < words.Length; w++)
            {
                var last = w == words.Length - 1 && i < segments.Count - 1;
                header.AppendToken(last ? words[w] + ";" : words[w]);
            }
        }

        return header.ToLines();
    }

    /// <summary>
    /// One parameter as tokens: name=token, name="quoted", or for non-ASCII values the RFC 2231
    /// form name*=utf-8''%XX; values too long for a line are split into numbered continuations
    /// (RFC 2231 §3-4), each segment holding whole characters only.
    /// </summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value, any text.</param>
    /// <param name="quote">Quote even a token: some clients mishandle unquoted file names.</param>
    public static List<string[]> Parameter(string name, string value, bool quote = false)
    {
        List<string> segments;
        if (MimeSyntax.IsPrintableAsciiOrSpace(value))
        {
            var simple = name + "=" + (MimeSyntax.IsToken(value) && !quote ? value : MimeSyntax.Quote(value));
            segments = simple.Length <= MaxSegmentLength ? [simple] : PlainContinuations(name, value);
        }
        else
        {
            var encoded = PercentEncode(value);
            var extended = name + "*=utf-8''" + string.Concat(encoded);
            segments = extended.Length <= MaxSegmentLength ? [extended] : ExtendedContinuations(name, encoded);
        }

        return segments.ConvertAll(s => new[] { s });
    }

    /// <summary>
    /// name="=?utf-8?B?...?=": RFC 2047 inside a quoted string. RFC 2047 §5 forbids it and strict
    /// parsers (Python's email) note a defect, but Outlook and other old clients read attachment
    /// names only this way; Thunderbird writes it next to the RFC 2231 filename for that reason.
    /// Long names become several words separated by spaces inside the quotes, folded between words.
    /// </summary>
    public static List<string[]> EncodedWordsInQuotes(string name, string value)
    {
        var words = EncodedWord.Split(value, QuotedWordBytes);
        words[0] = name + "=\"" + words[0];
        words[^1] += "\"";
        return [words.ToArray()];
    }

    private static List<string> PlainContinuations(string name, string value)
    {
        var tokens = new List<string>();
        var start = 0;
        while (start < value.Length)
        {
            var prefix = name + "*" + tokens.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "=";
            var end = start;
            var length = prefix.Length + 2;
            while (end < value.Length && length + (value[end] is '"' or '\\' ? 2 : 1) <= MaxSegmentLength)
            {
                length += value[end] is '"' or '\\' ? 2 : 1;
                end++;
            }

            tokens.Add(prefix + MimeSyntax.Quote(value.AsSpan(start, end - start)));
            start = end;
        }

        return tokens;
    }

    private static List<string> ExtendedContinuations(string name, List<string> encoded)
    {
        var tokens = new List<string>();
        var segment = new StringBuilder();
        var i = 0;
        while (i < encoded.Count)
        {
            var index = tokens.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            segment.Clear().Append(name).Append('*').Append(index).Append("*=");
            if (tokens.Count == 0)
            {
                segment.Append("utf-8''");
            }

            // Always take one character, then more while the segment stays within the line.
            do
            {
                segment.Append(encoded[i++]);
            }
            while (i < encoded.Count && segment.Length + encoded[i].Length <= MaxSegmentLength);

            tokens.Add(segment.ToString());
        }

        return tokens;
    }

    /// <summary>Percent-encodes UTF-8, one list entry per character so segments never split one.</summary>
    private static List<string> PercentEncode(string value)
    {
        var pieces = new List<string>(value.Length);
        Span<byte> bytes = stackalloc byte[4];
        var builder = new StringBuilder(12);
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && MimeSyntax.IsAttrChar((char)rune.Value))
            {
                pieces.Add(((char)rune.Value).ToString());
                continue;
            }

            builder.Clear();
            var count = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..count])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }

            pieces.Add(builder.ToString());
        }

        return pieces;
    }
}
