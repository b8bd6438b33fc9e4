namespace MailTicketing.Mime;

/// <summary>A multipart entity (RFC 2046 §5.1) with its children in order.</summary>
public sealed class Multipart : MimeEntity
{
    internal Multipart(HeaderList headers, ContentType contentType, IReadOnlyList<MimeEntity> children, byte[] preamble, byte[] epilogue)
        : base(headers, contentType)
    {
        Children = children;
        Preamble = preamble;
        Epilogue = epilogue;
    }

    public IReadOnlyList<MimeEntity> Children { get; }

    /// <summary>Text before the first boundary (usually "This is a multi-part message…").</summary>
    public byte[] Preamble { get; }

    /// <summary>Text after the closing boundary.</summary>
    public byte[] Epilogue { get; }

    public override void Dispose()
    {
        foreach (var child in Children)
        {
            child.Dispose();
        }
    }

    public override string ToString() => $"{ContentType.MimeType} ({Children.Count} parts)";
}
