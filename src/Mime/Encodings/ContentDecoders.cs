namespace MailTicketing.Mime.Encodings;

/// <summary>Maps Content-Transfer-Encoding values to decoders.</summary>
public static class ContentDecoders
{
    /// <summary>
    /// Parses a Content-Transfer-Encoding value tolerantly: case, surrounding whitespace and
    /// quotes, a trailing comment or parameter, hyphen/underscore typos ("8-bit", "quoted_printable")
    /// and the x-uuencode aliases. Unknown values give <see cref="ContentEncoding.Default"/>.
    /// </summary>
    public static ContentEncoding ParseEncoding(string? value)
    {
        if (value is null)
        {
            return ContentEncoding.Default;
        }

        var token = value.AsSpan().Trim();
        var end = token.IndexOfAny(";(");
        if (end >= 0)
        {
            token = token[..end];
        }

        token = token.Trim(" \t\r\n\"'");

        // Fold away case and the separators people get wrong, so "Quoted_Printable" and "7 bit" match.
        Span<char> key = stackalloc char[24];
        var length = 0;
        foreach (var c in token)
        {
            if (c is '-' or '_' or ' ' or '\t')
            {
                continue;
            }

            if (length == key.Length)
            {
                return ContentEncoding.Default;
            }

            key[length++] = char.ToLowerInvariant(c);
        }

        return key[..length] switch
        {
            "7bit" or "7bits" => ContentEncoding.SevenBit,
            "8bit" or "8bits" => ContentEncoding.EightBit,
            "binary" => ContentEncoding.Binary,
            "base64" or "xbase64" => ContentEncoding.Base64,
            "quotedprintable" or "xquotedprintable" => ContentEncoding.QuotedPrintable,
            "uuencode" or "xuuencode" or "uue" or "xuue" or "uuencoded" or "xuuencoded" => ContentEncoding.UUEncode,
            _ => ContentEncoding.Default,
        };
    }

    /// <summary>A new decoder for the encoding, or null where the content passes through unchanged.</summary>
    public static IContentDecoder? Create(ContentEncoding encoding) => encoding switch
    {
        ContentEncoding.Base64 => new Base64Decoder(),
        ContentEncoding.QuotedPrintable => new QuotedPrintableDecoder(),
        ContentEncoding.UUEncode => new UUDecoder(),
        _ => null,
    };
}
