using MailTicketing.Mime;
using MailTicketing.Mime.Reports;

namespace MailTicketing.Worker.Inspection;

/// <summary>Everything `inspect` shows about one message, taken from the parsed message once.</summary>
internal sealed record MessageReport(
    string File,
    long SizeBytes,
    string? Subject,
    IReadOnlyList<AddressEntry> From,
    AddressEntry? Sender,
    IReadOnlyList<AddressEntry> ReplyTo,
    IReadOnlyList<AddressEntry> To,
    IReadOnlyList<AddressEntry> Cc,
    DateTimeOffset? Date,
    string? MessageId,
    string? InReplyTo,
    IReadOnlyList<string> References,
    string? TextBody,
    bool TextBodyFromHtml,
    bool HasHtmlBody,
    IReadOnlyList<PartEntry> Attachments,
    IReadOnlyList<string> Structure,
    AutomatedMailInfo Automation,
    BounceEntry? Bounce,
    IReadOnlyList<MimeDefect> Defects)
{
    public static MessageReport Create(MimeMessage message, string file) => new(
        file,
        message.Length,
        message.Subject,
        Addresses(message.From),
        message.Sender is { } sender ? new AddressEntry(sender.Name, sender.Address) : null,
        Addresses(message.ReplyTo),
        Addresses(message.To),
        Addresses(message.Cc),
        message.Date,
        message.MessageId,
        message.InReplyTo,
        message.References,
        message.TextBody,
        message.TextBodyFromHtml,
        message.HtmlBody is not null,
        message.Attachments.Select(PartEntry.From).ToList(),
        DescribeStructure(message),
        message.Automation,
        BounceEntry.From(DeliveryStatusReport.From(message)),
        message.Defects);

    private static List<AddressEntry> Addresses(AddressList list) =>
        list.Mailboxes.Select(m => new AddressEntry(m.Name, m.Address)).ToList();

    /// <summary>The MIME tree as indented lines, one per entity, nested messages included.</summary>
    private static List<string> DescribeStructure(MimeMessage message)
    {
        var lines = new List<string>();
        Describe(message.Body, 0, lines);
        return lines;
    }

    private static void Describe(MimeEntity entity, int depth, List<string> lines)
    {
        var indent = new string(' ', depth * 2);
        switch (entity)
        {
            case Multipart multipart:
                lines.Add($"{indent}{multipart.ContentType.MimeType}");
                foreach (var child in multipart.Children)
                {
                    Describe(child, depth + 1, lines);
                }

                break;
            case MessagePart embedded:
                lines.Add($"{indent}{embedded.ContentType.MimeType} ({embedded.RawContent.Length} bytes)");
                Describe(embedded.Message.Body, depth + 1, lines);
                break;
            case MimePart part:
                var name = part.FileName is { } fileName ? $" \"{fileName}\"" : "";
                lines.Add($"{indent}{part.ContentType.MimeType}{name} ({part.Content.Length} bytes)");
                break;
        }
    }
}

internal sealed record AddressEntry(string? Name, string Address);

internal sealed record PartEntry(string? FileName, string ContentType, long Size, string? ContentId, string Disposition)
{
    public static PartEntry From(MimeEntity entity) => entity switch
    {
        MessagePart embedded => new(
            entity.FileName ?? (embedded.Message.Subject is { Length: > 0 } s ? s + ".eml" : null),
            entity.ContentType.MimeType,
            embedded.RawContent.Length,
            entity.ContentId,
            entity.ContentDisposition?.Disposition ?? "attachment"),
        MimePart part => new(
            part.FileName,
            part.ContentType.MimeType,
            part.Content.Length,
            part.ContentId,
            part.IsInline ? "inline" : "attachment"),
        _ => new(entity.FileName, entity.ContentType.MimeType, 0, entity.ContentId, "attachment"),
    };
}

internal sealed record BounceEntry(string? ReportingMta, string? OriginalMessageId, IReadOnlyList<RecipientStatus> Recipients)
{
    public static BounceEntry? From(DeliveryStatusReport? report) =>
        report is null ? null : new(report.ReportingMta, report.OriginalMessageId, report.Recipients);
}
