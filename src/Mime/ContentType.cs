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
    public static ContentType Parse(ReadOnlySpan<byte> raw, string? fallbackCharset, out bool malformed) => throw new NotImplementedException();

    public override string ToString() => MimeType;
}
