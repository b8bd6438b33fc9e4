using MailTicketing.Mime;
using MailTicketing.Mime.IO;

namespace MailTicketing.Tickets.Ingestion;

/// <summary>What of an attachment goes to the blob store, and whether it is worth compressing.</summary>
internal static class AttachmentContent
{
    /// <summary>The decoded content (an attached message: its raw bytes) and how it was attached.</summary>
    public static (PartContent Content, string Disposition) Of(MimeEntity entity) => entity switch
    {
        MessagePart embedded => (embedded.RawContent, "attachment"),
        MimePart part => (part.Content, part.IsInline ? "inline" : "attachment"),
        _ => throw new InvalidOperationException($"Unexpected attachment entity {entity.GetType().Name}."),
    };

    /// <summary>Text and embedded mail compress well; images and archives are compressed already.</summary>
    public static bool ShouldCompress(MimeEntity entity) =>
        entity.ContentType.MediaType is "text" or "message" || entity.ContentType.MimeType is "application/json" or "application/xml";
}
