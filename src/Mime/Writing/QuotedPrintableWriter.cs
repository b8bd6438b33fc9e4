using System.Text;

namespace MailTicketing.Mime.Writing;

/// <summary>
/// Quoted-printable content transfer encoding (RFC 2045 §6.7) of UTF-8 text whose line breaks are
/// already CRLF. Each CRLF becomes a hard line break; long lines get soft breaks so that no encoded
/// line exceeds 76 characters.
/// </summary>
internal static class QuotedPrintableWriter
{
    private const int MaxLineLength = 76;
    private const string Hex = "0123456789ABCDEF";

    public static void Write(ReadOnlySpan<byte> utf8, AsciiSink sink)
    {
        var line = new StringBuilder(MaxLineLength + 4);
        while (true)
        {
            var end = utf8.IndexOf("\r\n"u8);
            WriteHardLine(end < 0 ? utf8 : utf8[..end], sink, line);
            if (end < 0)
            {
                return;
            }

            utf8 = utf8[(end + 2)..];
        }
    }

    private static void WriteHardLine(ReadOnlySpan<byte> input, AsciiSink sink, StringBuilder line)
    {
        line.Clear();
        Span<char> token = stackalloc char[12];
        var i = 0;
        while (i < input.Length)
        {
            // A whole UTF-8 sequence is one token, so a soft break never splits a character's escapes.
            var length = SequenceLength(input, i);
            var isLast = i + length == input.Length;
            var written = Encode(input.Slice(i, length), input[i..], atLineStart: line.Length == 0, isLast, token);

            // The soft break '=' itself needs one column, except after the hard line's last token.
            var limit = isLast ? MaxLineLength : MaxLineLength - 1;
            if (line.Length > 0 && line.Length + written > limit)
            {
                line.Append('=');
                sink.WriteLine(line.ToString());
                line.Clear();
                written = Encode(input.Slice(i, length), input[i..], atLineStart: true, isLast, token);
            }

            line.Append(token[..written]);
            i += length;
        }

        sink.WriteLine(line.ToString());
    }

    private static int Encode(ReadOnlySpan<byte> sequence, ReadOnlySpan<byte> rest, bool atLineStart, bool isLast, Span<char> token)
    {
        if (sequence.Length == 1 && IsLiteral(sequence[0], rest, atLineStart, isLast))
        {
            token[0] = (char)sequence[0];
            return 1;
        }

        var n = 0;
        foreach (var b in sequence)
        {
            token[n++] = '=';
            token[n++] = Hex[b >> 4];
            token[n++] = Hex[b & 15];
        }

        return n;
    }

    private static bool IsLiteral(byte b, ReadOnlySpan<byte> rest, bool atLineStart, bool isLast)
    {
        if (b is (byte)' ' or (byte)'\t')
        {
            // Trailing whitespace would be stripped in transport (RFC 2045 §6.7 rule 3).
            return !isLast;
        }

        if (b is < 33 or > 126 or (byte)'=')
        {
            return false;
        }

        if (atLineStart)
        {
            // A lone '.' can end an SMTP transfer on a broken relay, and "From " gets '>'-quoted by
            // mbox tools; escaping their first character costs nothing and survives both.
            if (b == (byte)'.' || rest.StartsWith("From "u8))
            {
                return false;
            }
        }

        return true;
    }

    private static int SequenceLength(ReadOnlySpan<byte> input, int index)
    {
        var lead = input[index];
        var expected = lead switch
        {
            >= 0xF0 => 4,
            >= 0xE0 => 3,
            >= 0xC0 => 2,
            _ => 1,
        };

        var length = 1;
        while (length < expected && index + length < input.Length && input[index + length] is >= 0x80 and < 0xC0)
        {
            length++;
        }

        return length;
    }
}
