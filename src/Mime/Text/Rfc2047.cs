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
        byte[]? unfolded = null;
        if (raw.IndexOfAny((byte)'\r', (byte)'\n') >= 0)
        {
            // Unfold first (RFC 5322 §2.2.3), so that an encoded word folded in the middle
            // (seen in the wild despite RFC 2047 §2) is still one word.
            unfolded = ArrayPool<byte>.Shared.Rent(raw.Length);
            raw = unfolded.AsSpan(0, Unfold(raw, unfolded));
        }

        var builder = new HeaderTextBuilder(fallbackCharset, raw.Length + 16);
        try
        {
            Tokenize(raw, mode, ref builder);
            return builder.ToString();
        }
        finally
        {
            builder.Dispose();
            if (unfolded is not null)
            {
                ArrayPool<byte>.Shared.Return(unfolded);
            }
        }
    }

    // Drops line breaks and keeps the whitespace after them; a break with no whitespace
    // after it (a broken fold) becomes a space, so the words on either side stay apart.
    private static int Unfold(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        var written = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b is not ((byte)'\r' or (byte)'\n'))
            {
                destination[written++] = b;
                continue;
            }

            while (i + 1 < raw.Length && raw[i + 1] is (byte)'\r' or (byte)'\n')
            {
                i++;
            }

            if (i + 1 < raw.Length && raw[i + 1] is not ((byte)' ' or (byte)'\t'))
            {
                destination[written++] = (byte)' ';
            }
        }

        return written;
    }

    private static void Tokenize(ReadOnlySpan<byte> input, Mode mode, ref HeaderTextBuilder builder)
    {
        var i = 0;
        while (i < input.Length)
        {
            var b = input[i];
            if (IsWhitespace(b))
            {
                var whitespaceStart = i;
                while (i < input.Length && IsWhitespace(input[i]))
                {
                    i++;
                }

                builder.AddWhitespace(mode == Mode.Text ? i - whitespaceStart : 1);
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

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t';

    private static bool IsFoldingWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static ReadOnlySpan<byte> TrimWhitespace(ReadOnlySpan<byte> raw)
    {
        var start = 0;
        while (start < raw.Length && IsFoldingWhitespace(raw[start]))
        {
            start++;
        }

        var end = raw.Length;
        while (end > start && IsFoldingWhitespace(raw[end - 1]))
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
