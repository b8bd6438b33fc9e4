namespace MailTicketing.Mime.Writing;

/// <summary>
/// A file attached to an outgoing message, always written base64 encoded. With
/// <see cref="ContentId"/> and <see cref="Inline"/> set, and an HTML body present, it becomes a
/// related part the HTML can show as &lt;img src="cid:..."&gt; (RFC 2387, RFC 2392).
/// </summary>
public sealed class OutgoingAttachment
{
    private readonly ReadOnlyMemory<byte> _content;
    private readonly Func<Stream>? _openContent;
    private readonly string? _contentId;

    /// <param name="fileName">The name shown to the recipient; null for none (e.g. an inline image).</param>
    /// <param name="contentType">A media type such as "image/png", optionally with simple parameters.</param>
    /// <param name="content">The raw (unencoded) bytes.</param>
    public OutgoingAttachment(string? fileName, string contentType, ReadOnlyMemory<byte> content)
    {
        FileName = ValidateFileName(fileName);
        Media = MediaTypeSpec.Parse(contentType);
        _content = content;
    }

    /// <param name="fileName">The name shown to the recipient; null for none.</param>
    /// <param name="contentType">A media type such as "application/pdf".</param>
    /// <param name="openContent">Opens the raw bytes; called once per write, and the stream is disposed after.</param>
    public OutgoingAttachment(string? fileName, string contentType, Func<Stream> openContent)
    {
        ArgumentNullException.ThrowIfNull(openContent);
        FileName = ValidateFileName(fileName);
        Media = MediaTypeSpec.Parse(contentType);
        _openContent = openContent;
    }

    public string? FileName { get; }

    /// <summary>The media type as it will be written (lower-cased type and subtype).</summary>
    public string ContentType => Media.ToString();

    /// <summary>The Content-ID without angle brackets, in msg-id form ("logo.1234@example.com").</summary>
    public string? ContentId
    {
        get => _contentId;
        init
        {
            if (value is not null && !MessageIdSyntax.IsStrict(value))
            {
                throw new ArgumentException($"'{value}' is not a valid Content-ID (id@domain, without angle brackets).", nameof(ContentId));
            }

            _contentId = value;
        }
    }

    /// <summary>Content-Disposition inline instead of attachment.</summary>
    public bool Inline { get; init; }

    internal MediaTypeSpec Media { get; }

    internal void WriteBase64(AsciiSink sink)
    {
        if (_openContent is null)
        {
            Base64Writer.Write(_content.Span, sink);
            return;
        }

        using var stream = _openContent() ?? throw new InvalidOperationException($"The content factory of '{FileName}' returned null.");
        Base64Writer.Write(stream, sink);
    }

    private static string? ValidateFileName(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName))
        {
            return null;
        }

        foreach (var c in fileName)
        {
            if (c is < ' ' or '\x7f')
            {
                throw new ArgumentException("A file name contains a control character.", nameof(fileName));
            }
        }

        return fileName;
    }
}
