using MailTicketing.Mime.Encodings;

namespace MailTicketing.Mime;

/// <summary>A node of a message's MIME tree: a leaf part, a multipart, or an embedded message.</summary>
public abstract class MimeEntity : IDisposable
{
    protected MimeEntity(HeaderList headers, ContentType contentType)
    {
        Headers = headers;
        ContentType = contentType;
    }

    public HeaderList Headers { get; }

    /// <summary>The parsed Content-Type (text/plain when absent, per RFC 2045 §5.2).</summary>
    public ContentType ContentType { get; }

    /// <summary>The parsed Content-Disposition, or null when absent.</summary>
    public ContentDisposition? ContentDisposition { get; internal init; }

    public ContentEncoding TransferEncoding { get; internal init; }

    /// <summary>Content-ID without angle brackets, or null.</summary>
    public string? ContentId { get; internal init; }

    /// <summary>Byte offset of this entity's headers in its message.</summary>
    public long Offset { get; internal init; }

    /// <summary>The file name from Content-Disposition, else from Content-Type's name; decoded, as the sender wrote it (never a safe path).</summary>
    public string? FileName => ContentDisposition?.FileName is { Length: > 0 } f ? f : ContentType.Name is { Length: > 0 } n ? n : null;

    public abstract void Dispose();
}
