using System.Text;

namespace MailTicketing.Smtp;

/// <summary>
/// Parses one complete (possibly multi-line) reply from buffered bytes, RFC 5321 §4.2:
/// "250-first", "250-second", "250 last". Stateless: the caller hands in everything buffered
/// so far and reads more when the reply is not complete yet. Tolerant of bare LF line ends,
/// of a code with no text ("250"), and of continuation lines whose code differs (the first
/// line's code counts); anything without a three-digit 2xx-5xx code is a protocol error.
/// </summary>
internal static class SmtpReplyParser
{
    /// <summary>RFC 5321 §4.5.3.1.5 allows 512 octets per reply line; real servers exceed it a little.</summary>
    public const int MaxLineLength = 4096;

    public const int MaxLines = 200;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>True with the reply and the bytes it used when <paramref name="buffer"/> holds a whole reply.</summary>
    public static bool TryParse(ReadOnlySpan<byte> buffer, out SmtpReply? reply, out int consumed)
    {
        reply = null;
        consumed = 0;
        var offset = 0;
        var lineCount = 0;
        while (true)
        {
            var rest = buffer[offset..];
            var lf = rest.IndexOf((byte)'\n');
            if (lf < 0)
            {
                if (rest.Length > MaxLineLength)
                {
                    throw new SmtpProtocolException($"reply line longer than {MaxLineLength} bytes");
                }

                return false;
            }

            var line = rest[..lf];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.Length > MaxLineLength)
            {
                throw new SmtpProtocolException($"reply line longer than {MaxLineLength} bytes");
            }

            ValidateCode(line);
            offset += lf + 1;
            if (++lineCount > MaxLines)
            {
                throw new SmtpProtocolException($"reply with more than {MaxLines} lines");
            }

            if (line.Length == 3 || line[3] != (byte)'-')
            {
                reply = Build(buffer[..offset]);
                consumed = offset;
                return true;
            }
        }
    }

    private static void ValidateCode(ReadOnlySpan<byte> line)
    {
        if (line.Length < 3 || line[0] is < (byte)'2' or > (byte)'5' || !IsDigit(line[1]) || !IsDigit(line[2])
            || (line.Length > 3 && line[3] is not ((byte)' ' or (byte)'-')))
        {
            throw new SmtpProtocolException("malformed reply line: " + Printable(line));
        }
    }

    // Second pass over a complete reply: only now are strings made.
    private static SmtpReply Build(ReadOnlySpan<byte> reply)
    {
        var code = 0;
        string? enhanced = null;
        var lines = new List<string>();
        foreach (var range in reply.Split((byte)'\n'))
        {
            var line = reply[range];
            if (line.IsEmpty)
            {
                continue; // after the final LF
            }

            if (line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            var lineCode = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
            if (code == 0)
            {
                code = lineCode;
            }

            var text = line.Length > 4 ? line[4..] : [];
            var status = EnhancedStatusLength(text, (byte)('0' + code / 100));
            if (status > 0)
            {
                enhanced ??= Encoding.ASCII.GetString(text[..status]);
                text = text[status..].TrimStart((byte)' ');
            }

            lines.Add(Utf8.GetString(text));
        }

        return new SmtpReply(code, enhanced, lines);
    }

    /// <summary>
    /// Length of an RFC 3463 code ("class.subject.detail") at the start of the text, or 0.
    /// The class must match the reply's first digit (RFC 2034 §4), which keeps text such as
    /// "2.0 ready" or a version number from being taken for one.
    /// </summary>
    internal static int EnhancedStatusLength(ReadOnlySpan<byte> text, byte replyClass)
    {
        if (text.Length < 5 || text[0] != replyClass || text[1] != (byte)'.')
        {
            return 0;
        }

        var i = 2;
        var digits = CountDigits(text[i..], 3);
        if (digits == 0 || i + digits >= text.Length || text[i + digits] != (byte)'.')
        {
            return 0;
        }

        i += digits + 1;
        digits = CountDigits(text[i..], 3);
        if (digits == 0)
        {
            return 0;
        }

        i += digits;
        return i == text.Length || text[i] == (byte)' ' ? i : 0;
    }

    private static int CountDigits(ReadOnlySpan<byte> text, int max)
    {
        var n = 0;
        while (n < text.Length && n < max && IsDigit(text[n]))
        {
            n++;
        }

        return n < text.Length && IsDigit(text[n]) ? 0 : n;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static string Printable(ReadOnlySpan<byte> line)
    {
        var shown = line.Length > 80 ? line[..80] : line;
        var chars = new char[shown.Length];
        for (var i = 0; i < shown.Length; i++)
        {
            chars[i] = shown[i] is >= 0x20 and < 0x7F ? (char)shown[i] : '?';
        }

        return new string(chars);
    }
}
