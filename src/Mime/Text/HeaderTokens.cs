using System.Buffers;
using System.Text;

namespace MailTicketing.Mime.Text;

/// <summary>Cursor helpers for structured header values: tokens, whitespace, comments.</summary>
internal static class HeaderTokens
{
    // RFC 2045 §5.1 token: printable ASCII except SPACE and tspecials.
    private static readonly SearchValues<byte> TokenBytes = SearchValues.Create(BuildTokenBytes());

    // Values that recur in every message; returning a shared string saves an allocation each.
    private static readonly string[] Known =
    [
        "text", "plain", "html", "multipart", "mixed", "alternative", "related", "report", "signed",
        "application", "octet-stream", "pdf", "zip", "ms-tnef", "pkcs7-signature", "pgp-signature",
        "image", "jpeg", "png", "gif", "message", "rfc822", "delivery-status", "disposition-notification",
        "calendar", "enriched", "rfc822-headers", "inline", "attachment",
        "charset", "boundary", "name", "filename", "format", "delsp", "type", "start", "micalg",
        "protocol", "reply-type", "size", "creation-date", "modification-date", "method", "report-type",
    ];

    public static bool IsTokenByte(byte b) => TokenBytes.Contains(b);

    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    /// <summary>Skips whitespace (including folds) and RFC 5322 comments, which may nest.</summary>
    public static void SkipCfws(ReadOnlySpan<byte> input, ref int pos)
    {
        while (pos < input.Length)
        {
            var b = input[pos];
            if (IsWhitespace(b))
            {
                pos++;
            }
            else if (b == '(')
            {
                pos = SkipComment(input, pos);
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>The index just after the comment starting at <paramref name="pos"/>, or the end if it never closes.</summary>
    public static int SkipComment(ReadOnlySpan<byte> input, int pos)
    {
        var depth = 0;
        while (pos < input.Length)
        {
            switch (input[pos])
            {
                case (byte)'\\':
                    pos++;
                    break;
                case (byte)'(':
                    depth++;
                    break;
                case (byte)')':
                    if (--depth == 0)
                    {
                        return pos + 1;
                    }

                    break;
            }

            pos++;
        }

        return input.Length;
    }

    public static ReadOnlySpan<byte> ReadToken(ReadOnlySpan<byte> input, ref int pos)
    {
        var start = pos;
        var length = input[pos..].IndexOfAnyExcept(TokenBytes);
        pos = length < 0 ? input.Length : pos + length;
        return input[start..pos];
    }

    /// <summary>A lower-case string for a token, shared for the common ones.</summary>
    public static string ToLowerString(ReadOnlySpan<byte> token)
    {
        foreach (var known in Known)
        {
            if (Ascii.EqualsIgnoreCase(token, known))
            {
                return known;
            }
        }

        if (token.Length > 256)
        {
            return Encoding.Latin1.GetString(token).ToLowerInvariant();
        }

        Span<char> chars = stackalloc char[token.Length];
        Encoding.Latin1.GetChars(token, chars);
        Ascii.ToLowerInPlace(chars, out _);
        return new string(chars);
    }

    private static byte[] BuildTokenBytes()
    {
        var bytes = new List<byte>();
        for (var b = 0x21; b < 0x7F; b++)
        {
            if (!"()<>@,;:\\\"/[]?=".Contains((char)b, StringComparison.Ordinal))
            {
                bytes.Add((byte)b);
            }
        }

        return [.. bytes];
    }
}
