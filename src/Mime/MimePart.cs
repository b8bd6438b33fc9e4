using MailTicketing.Mime.IO;
using MailTicketing.Mime.Text;

namespace MailTicketing.Mime;

/// <summary>A leaf part: its content is held decoded from its transfer encoding.</summary>
public sealed class MimePart : MimeEntity
{
    internal MimePart(HeaderList headers, ContentType contentType, PartContent content)
        : base(headers, contentType)
    {
        Content = content;
    }

    /// <summary>The decoded bytes (transfer encoding removed, charset not applied).</summary>
    public PartContent Content { get; }

    public bool IsText => ContentType.MediaType == "text";

    /// <summary>True when the sender marked the part as an attachment (Content-Disposition: attachment).</summary>
    public bool IsDeclaredAttachment => ContentDisposition?.IsAttachment == true;

    /// <summary>True for parts meant to be shown within the body (disposition inline, or a Content-ID without a disposition).</summary>
    public bool IsInline => ContentDisposition?.IsInline == true || (ContentId is not null && ContentDisposition is null);

    /// <summary>Decodes the content as text with the declared charset, falling back as <see cref="Charsets.Decode"/> describes.</summary>
    public DecodedText GetText() => Charsets.Decode(Content.ToArray(), ContentType.Charset);

    public override void Dispose() => Content.Dispose();

    public override string ToString() => $"{ContentType.MimeType} ({Content.Length} bytes)";
}
