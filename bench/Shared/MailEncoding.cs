using System.Globalization;
using System.Text;

namespace MailTicketing.Bench;

/// <summary>
/// Small encoders the benchmarks use to write their generated messages byte by byte, so each
/// message carries exactly the encodings it is meant to exercise. Shared by MimeBench and IngestBench.
/// </summary>
internal static class MailEncoding
{
    public const string Crlf = "\r\n";
    private const string Hex = "0123456789ABCDEF";

    /// <summary>Base64 in 76-character lines, CRLF-terminated (RFC 2045 §6.8).</summary>
    public static string Base64Lines(byte[] data) =>
        Convert.ToBase64String(data, Base64FormattingOptions.InsertLineBreaks) + Crlf;

    /// <summary>Quoted-printable (RFC 2045 §6.7) of text whose lines end in '\n'; lines become CRLF hard breaks.</summary>
    public static string QuotedPrintable(string text, Encoding encoding)
    {
        var output = new StringBuilder(text.Length * 3);
        foreach (var line in text.Split('\n'))
        {
            var bytes = encoding.GetBytes(line);
            var lineLength = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                var b = bytes[i];
                var last = i == bytes.Length - 1;
                var literal = (b is >= 33 and <= 126 && b != (byte)'=') || (b is (byte)' ' or (byte)'\t' && !last);
                var width = literal ? 1 : 3;
                // Rule 5: encoded lines are at most 76 characters, the soft break's '=' included.
                if (lineLength + width > 75)
                {
                    output.Append('=').Append(Crlf);
                    lineLength = 0;
                }

                if (literal)
                {
                    output.Append((char)b);
                }
                else
                {
                    output.Append('=').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
                }

                lineLength += width;
            }

            output.Append(Crlf);
        }

        return output.ToString();
    }

    /// <summary>Text with '\n' line ends as CRLF lines, for 7bit and 8bit parts.</summary>
    public static string CrlfLines(string text) => text.Replace("\n", Crlf) + Crlf;

    /// <summary>An unstructured header value: as is when ASCII, else RFC 2047 B encoded words.</summary>
    public static string HeaderText(string text, Encoding encoding, string charset) =>
        Ascii.IsValid(text) ? text : EncodedWords(text, encoding, charset);

    /// <summary>RFC 2047 B encoded words of at most 75 characters, folded onto continuation lines; characters are never split.</summary>
    public static string EncodedWords(string text, Encoding encoding, string charset)
    {
        var maxBytes = (75 - charset.Length - 7) / 4 * 3;
        var words = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = start;
            var count = 0;
            while (end < text.Length)
            {
                var step = char.IsHighSurrogate(text[end]) ? 2 : 1;
                var size = encoding.GetByteCount(text.AsSpan(end, step));
                if (count + size > maxBytes)
                {
                    break;
                }

                count += size;
                end += step;
            }

            words.Add($"=?{charset}?B?{Convert.ToBase64String(encoding.GetBytes(text[start..end]))}?=");
            start = end;
        }

        return string.Join(Crlf + " ", words);
    }

    /// <summary>A mailbox for From/To: the display name encoded when it is not ASCII, quoted when it is.</summary>
    public static string Mailbox(string? name, string address, Encoding encoding, string charset) =>
        string.IsNullOrEmpty(name)
            ? address
            : Ascii.IsValid(name) ? $"\"{name}\" <{address}>" : $"{HeaderText(name, encoding, charset)} <{address}>";

    /// <summary>A filename parameter: plain when ASCII, else RFC 2231 (§4) percent-encoded UTF-8 in one piece.</summary>
    public static string FileNameParameter(string fileName) =>
        Ascii.IsValid(fileName) ? $"filename=\"{fileName}\"" : $"filename*=UTF-8''{PercentEncoded(fileName)}";

    /// <summary>A filename parameter in RFC 2231 form, split into continuations when long (§3, §4).</summary>
    public static string Rfc2231FileName(string fileName)
    {
        var value = PercentEncoded(fileName);
        if (value.Length <= 60)
        {
            return $"filename*=UTF-8''{value}";
        }

        var pieces = new List<string>();
        for (int offset = 0, index = 0; offset < value.Length; index++)
        {
            var length = Math.Min(60, value.Length - offset);
            // Never cut a %XX escape in half.
            if (offset + length < value.Length && value[offset + length - 1] == '%')
            {
                length -= 1;
            }
            else if (offset + length < value.Length && value[offset + length - 2] == '%')
            {
                length -= 2;
            }

            var prefix = index == 0 ? "UTF-8''" : string.Empty;
            pieces.Add($"filename*{index}*={prefix}{value.Substring(offset, length)}");
            offset += length;
        }

        return string.Join(";" + Crlf + " ", pieces);
    }

    private static string PercentEncoded(string fileName)
    {
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(fileName))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'.' or (byte)'-' or (byte)'_')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
        }

        return encoded.ToString();
    }

    /// <summary>An RFC 5322 date-time (§3.3) in the given offset.</summary>
    public static string Date(DateTimeOffset at)
    {
        var offset = at.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var zone = string.Create(CultureInfo.InvariantCulture, $"{sign}{Math.Abs(offset.Hours):D2}{Math.Abs(offset.Minutes):D2}");
        return at.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + zone;
    }
}
