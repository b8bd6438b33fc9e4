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

    /// <summary>Parses a raw header value; never fails (see <see cref="ContentType.Parse"/>).</summary>
    public static ContentDisposition Parse(ReadOnlySpan<byte> raw, string? fallbackCharset, out bool malformed) => throw new NotImplementedException();

    public override string ToString() => Disposition;
}
