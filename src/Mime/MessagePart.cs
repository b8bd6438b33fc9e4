using MailTicketing.Mime.IO;

namespace MailTicketing.Mime;

/// <summary>An embedded message (message/rfc822, message/global): a forwarded mail or a bounce's copy of the original.</summary>
public sealed class MessagePart : MimeEntity
{
    internal MessagePart(HeaderList headers, ContentType contentType, PartContent rawContent, MimeMessage message)
        : base(headers, contentType)
    {
        RawContent = rawContent;
        Message = message;
    }

    /// <summary>The embedded message's bytes exactly as they appear (after any transfer decoding).</summary>
    public PartContent RawContent { get; }

    /// <summary>The embedded message, parsed.</summary>
    public MimeMessage Message { get; }

    public override void Dispose()
    {
        Message.Dispose();
        RawContent.Dispose();
    }

    public override string ToString() => $"{ContentType.MimeType}: {Message.Subject}";
}
