using MailTicketing.Mime.Text;

namespace MailTicketing.Mime;

/// <summary>A parsed Content-Type (RFC 2045 §5) with RFC 2231 parameters.</summary>
public sealed class ContentType
{
    public ContentType(string mediaType, string mediaSubtype, ParameterList? parameters = null)
    {
        MediaType = mediaType.ToLowerInvariant();
        MediaSubtype = mediaSubtype.ToLowerInvariant();
        Parameters = parameters ?? new ParameterList();
    }

    /// <summary>The default for a part without a Content-Type (RFC 2045 §5.2).</summary>
    public static ContentType TextPlain => new("text", "plain");

    public string MediaType { get; }
    public string MediaSubtype { get; }
    public string MimeType => MediaType + "/" + MediaSubtype;
    public ParameterList Parameters { get; }
    public string? Charset => Parameters["charset"];
    public string? Boundary => Parameters["boundary"];
    public string? Name => Parameters["name"];

    public bool Is(string mediaType, string mediaSubtype) =>
        MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase)
        && (mediaSubtype == "*" || MediaSubtype.Equals(mediaSubtype, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Parses a raw header value. Never fails: an unusable value yields application/octet-stream
    /// (RFC 2045 §5.2 says text/plain, but a broken type on a binary part is the safer guess)
    /// with whatever parameters could be recovered, and <paramref name="malformed"/> set.
    /// </summary>
    public static ContentType Parse(ReadOnlySpan<byte> raw, string? fallbackCharset, out bool malformed)
    {
        malformed = false;
        var pos = 0;
        HeaderTokens.SkipCfws(raw, ref pos);
        var typeStart = pos;
        var type = HeaderTokens.ReadToken(raw, ref pos);
        HeaderTokens.SkipCfws(raw, ref pos);
        if (type.IsEmpty || (pos < raw.Length && raw[pos] == '='))
        {
            // Garbage, or parameters with no type at all ("charset=utf-8"): keep what can be read.
            malformed = true;
            var from = type.IsEmpty ? SkipToSemicolon(raw, pos) : typeStart;
            return new ContentType("application", "octet-stream", ParameterParser.Parse(raw[from..], fallbackCharset, ref malformed));
        }

        string mediaType;
        string mediaSubtype;
        if (pos < raw.Length && raw[pos] == '/')
        {
            pos++;
            HeaderTokens.SkipCfws(raw, ref pos);
            var subtype = HeaderTokens.ReadToken(raw, ref pos);
            (mediaType, mediaSubtype) = subtype.IsEmpty
                ? Implied(HeaderTokens.ToLowerString(type))
                : (HeaderTokens.ToLowerString(type), HeaderTokens.ToLowerString(subtype));
            malformed |= subtype.IsEmpty;
        }
        else
        {
            // "Content-Type: text" (seen from old mailers): the type alone implies its usual subtype.
            malformed = true;
            (mediaType, mediaSubtype) = Implied(HeaderTokens.ToLowerString(type));
        }

        HeaderTokens.SkipCfws(raw, ref pos);
        if (pos < raw.Length && raw[pos] != ';')
        {
            // "text/plain/html", "text/plain charset=utf-8": the parameter parser copes with
            // a missing ';' but junk before it is flagged.
            malformed = true;
        }

        return new ContentType(mediaType, mediaSubtype, ParameterParser.Parse(raw[pos..], fallbackCharset, ref malformed));
    }

    // What to assume when only the type was given; other types become
    // application/octet-stream like any unusable value.
    private static (string Type, string Subtype) Implied(string mediaType) => mediaType switch
    {
        "text" => ("text", "plain"),
        "multipart" => ("multipart", "mixed"),
        "message" => ("message", "rfc822"),
        _ => ("application", "octet-stream"),
    };

    private static int SkipToSemicolon(ReadOnlySpan<byte> raw, int pos)
    {
        var semicolon = raw[pos..].IndexOf((byte)';');
        return semicolon < 0 ? raw.Length : pos + semicolon;
    }

    public override string ToString() => MimeType;
}
