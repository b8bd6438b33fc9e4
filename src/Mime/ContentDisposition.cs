using MailTicketing.Mime.Text;

namespace MailTicketing.Mime;

/// <summary>A parsed Content-Disposition (RFC 2183) with RFC 2231 parameters.</summary>
public sealed class ContentDisposition
{
    public ContentDisposition(string disposition, ParameterList? parameters = null)
    {
        Disposition = disposition.ToLowerInvariant();
        Parameters = parameters ?? new ParameterList();
    }

    /// <summary>"inline", "attachment", or whatever else the sender wrote, lower-cased.</summary>
    public string Disposition { get; }
    public ParameterList Parameters { get; }
    public string? FileName => Parameters["filename"];
    public bool IsAttachment => Disposition == "attachment";
    public bool IsInline => Disposition == "inline";

    /// <summary>
    /// Parses a raw header value; never fails (see <see cref="ContentType.Parse"/>). Without a
    /// usable disposition type the part is an attachment when a file name could be recovered
    /// ("Content-Disposition: filename=a.pdf" occurs), else inline; <paramref name="malformed"/> is set.
    /// </summary>
    public static ContentDisposition Parse(ReadOnlySpan<byte> raw, string? fallbackCharset, out bool malformed)
    {
        malformed = false;
        var pos = 0;
        HeaderTokens.SkipCfws(raw, ref pos);
        var start = pos;
        var token = HeaderTokens.ReadToken(raw, ref pos);
        HeaderTokens.SkipCfws(raw, ref pos);
        if (token.IsEmpty || (pos < raw.Length && raw[pos] == '='))
        {
            malformed = true;
            if (token.IsEmpty)
            {
                var semicolon = raw[pos..].IndexOf((byte)';');
                start = semicolon < 0 ? raw.Length : pos + semicolon;
            }

            var recovered = ParameterParser.Parse(raw[start..], fallbackCharset, ref malformed);
            return new ContentDisposition(recovered["filename"] is null ? "inline" : "attachment", recovered);
        }

        if (pos < raw.Length && raw[pos] != ';')
        {
            malformed = true;
        }

        return new ContentDisposition(HeaderTokens.ToLowerString(token), ParameterParser.Parse(raw[pos..], fallbackCharset, ref malformed));
    }

    public override string ToString() => Disposition;
}
