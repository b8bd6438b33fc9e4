using System.Buffers;
using System.Text;

namespace MailTicketing.Mime.Text;

/// <summary>RFC 2047 encoded-word decoding of raw header values (which may still be folded).</summary>
/// <remarks>
/// Both methods unfold (a line break is removed, the whitespace after it kept), trim the result,
/// decode raw 8-bit bytes as UTF-8 when valid, else with the fallback charset, else by guessing,
/// and decode encoded words even where RFC 2047 forbids them (inside words, inside quoted
/// strings), because real mailers put them there. They never throw.
/// </remarks>
public static class Rfc2047
{
    private enum Mode
    {
        /// <summary>Unstructured text: whitespace kept (tabs become spaces), quotes are literal.</summary>
        Text,
        /// <summary>A phrase: quoted strings unquoted, whitespace collapsed.</summary>
        Phrase,
        /// <summary>Inside a quoted string of a phrase: backslash escapes.</summary>
        Quoted,
    }

    // Anything that needs the slow path in unstructured text: controls (tab, CR, LF) and 8-bit bytes.
    private static readonly SearchValues<byte> TextSpecials = SearchValues.Create(Specials(""));

    private static readonly SearchValues<byte> PhraseSpecials = SearchValues.Create(Specials("\"\\"));

    /// <summary>Decodes an unstructured value (Subject, Comments): unfolds, decodes encoded words anywhere, joins adjacent ones.</summary>
    public static string DecodeText(ReadOnlySpan<byte> raw, string? fallbackCharset = null)
    {
        raw = TrimWhitespace(raw);
        if (raw.IndexOfAny(TextSpecials) < 0 && raw.IndexOf("=?"u8) < 0)
        {
            return Encoding.ASCII.GetString(raw);
        }

        return Decode(raw, Mode.Text, fallbackCharset);
    }

    /// <summary>
    /// Decodes a phrase (a display name): quoted strings are unquoted and runs of whitespace
    /// become one space. Encoded words are decoded wherever they appear, also inside quoted
    /// strings ("=?utf-8?B?...?=" is what Outlook writes).
    /// </summary>
    public static string DecodePhrase(ReadOnlySpan<byte> raw, string? fallbackCharset = null)
    {
        raw = TrimWhitespace(raw);
        if (raw.IndexOfAny(PhraseSpecials) < 0 && raw.IndexOf("=?"u8) < 0 && raw.IndexOf("  "u8) < 0)
        {
            return Encoding.ASCII.GetString(raw);
        }

        return Decode(raw, Mode.Phrase, fallbackCharset);
    }

    private static string Decode(ReadOnlySpan<byte> raw, Mode mode, string? fallbackCharset)
    {
        var builder = new HeaderTextBuilder(fallbackCharset, raw.Length + 16);
        try
        {
            Tokenize(raw, mode, ref builder);
            return builder.ToString();
        }
        finally
        {
            builder.Dispose();
        }
    }

    private static void Tokenize(ReadOnlySpan<byte> input, Mode mode, ref HeaderTextBuilder builder)
    {
        var i = 0;
        while (i < input.Length)
        {
            var b = input[i];
            if (IsWhitespace(b))
            {
                var spaces = 0;
                while (i < input.Length && IsWhitespace(input[i]))
                {
                    if (input[i] is (byte)' ' or (byte)'\t')
                    {
                        spaces++;
                    }

                    i++;
                }

                // A bare line break with no whitespace after it (a broken fold) still separates words.
                builder.AddWhitespace(mode == Mode.Text ? Math.Max(spaces, 1) : 1);
                continue;
            }

            if (b == '=' && EncodedWord.TryParse(input, i, out var charset, out var base64, out var payload, out var end))
            {
                builder.AddEncoded(charset, base64, payload);
                i = end;
                continue;
            }

            if (mode == Mode.Phrase && b == '"')
            {
                var close = FindClosingQuote(input, i + 1);
                Tokenize(input[(i + 1)..close], Mode.Quoted, ref builder);
                i = Math.Min(close + 1, input.Length);
                continue;
            }

            if (mode == Mode.Quoted && b == '\\')
            {
                // RFC 5322 quoted-pair: the next byte stands for itself.
                if (i + 1 < input.Length)
                {
                    builder.AddLiteral(input.Slice(i + 1, 1));
                }

                i += 2;
                continue;
            }

            var start = i++;
            while (i < input.Length && !EndsLiteral(input, i, mode))
            {
                i++;
            }

            builder.AddLiteral(input[start..i]);
        }
    }

    private static bool EndsLiteral(ReadOnlySpan<byte> input, int i, Mode mode)
    {
        var b = input[i];
        return IsWhitespace(b)
            || (b == '=' && i + 1 < input.Length && input[i + 1] == '?')
            || (mode == Mode.Phrase && b == '"')
            || (mode == Mode.Quoted && b == '\\');
    }

    // The index of the closing quote, or the end of input for an unterminated string.
    private static int FindClosingQuote(ReadOnlySpan<byte> input, int start)
    {
        var i = start;
        while (i < input.Length)
        {
            if (input[i] == '\\')
            {
                i += 2;
            }
            else if (input[i] == '"')
            {
                return i;
            }
            else
            {
                i++;
            }
        }

        return input.Length;
    }

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static ReadOnlySpan<byte> TrimWhitespace(ReadOnlySpan<byte> raw)
    {
        var start = 0;
        while (start < raw.Length && IsWhitespace(raw[start]))
        {
            start++;
        }

        var end = raw.Length;
        while (end > start && IsWhitespace(raw[end - 1]))
        {
            end--;
        }

        return raw[start..end];
    }

    private static byte[] Specials(string extra)
    {
        var bytes = new List<byte>();
        for (var b = 0; b < 256; b++)
        {
            if (b < 0x20 || b >= 0x7F || extra.Contains((char)b, StringComparison.Ordinal))
            {
                bytes.Add((byte)b);
            }
        }

        return [.. bytes];
    }
}
