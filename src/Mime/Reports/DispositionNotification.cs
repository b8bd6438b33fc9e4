using MailTicketing.Mime.Parsing;

namespace MailTicketing.Mime.Reports;

/// <summary>A read receipt (RFC 8098 message/disposition-notification) read as data.</summary>
public sealed class DispositionNotification
{
    private DispositionNotification(HeaderList fields)
    {
        Fields = fields;
    }

    public HeaderList Fields { get; }

    public string? FinalRecipient => RecipientStatus.StripType(Fields["Final-Recipient"]);

    public string? OriginalMessageId => MessageIdList.ParseFirst(Fields["Original-Message-ID"]);

    /// <summary>The disposition, e.g. "manual-action/MDN-sent-manually; displayed".</summary>
    public string? Disposition => Fields["Disposition"];

    public static DispositionNotification? From(MimeMessage message)
    {
        var part = message.EnumerateEntities().OfType<MimePart>()
            .FirstOrDefault(p => p.ContentType.Is("message", "disposition-notification") || p.ContentType.Is("message", "global-disposition-notification"));
        if (part is null)
        {
            return null;
        }

        using var stream = part.Content.OpenRead();
        var blocks = MimeParser.ReadHeaderBlocks(stream, MimeParserOptions.Default);
        var fields = new HeaderList();
        foreach (var header in blocks.SelectMany(b => b))
        {
            fields.Add(header);
        }

        return new DispositionNotification(fields);
    }
}
