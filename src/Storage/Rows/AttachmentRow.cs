using MailTicketing.Tickets.Model;

namespace MailTicketing.Storage.Rows;

internal sealed class AttachmentRow
{
    public long MessageId { get; init; }
    public long Ordinal { get; init; }
    public string? FileName { get; init; }
    public string ContentType { get; init; } = "";
    public long Size { get; init; }
    public string Sha256 { get; init; } = "";
    public string? ContentId { get; init; }
    public string Disposition { get; init; } = "";

    public StoredAttachment ToStored() => new(FileName, ContentType, Size, Sha256, ContentId, Disposition);
}
