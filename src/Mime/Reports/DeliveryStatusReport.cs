using MailTicketing.Mime.Parsing;

namespace MailTicketing.Mime.Reports;

/// <summary>
/// A machine-readable bounce (RFC 3464 message/delivery-status, or RFC 6533's global form) read
/// as data: the reporting MTA, one status per recipient, and the Message-ID of the returned mail.
/// </summary>
public sealed class DeliveryStatusReport
{
    private DeliveryStatusReport(HeaderList perMessage, IReadOnlyList<RecipientStatus> recipients, string? originalMessageId)
    {
        PerMessage = perMessage;
        Recipients = recipients;
        OriginalMessageId = originalMessageId;
    }

    public HeaderList PerMessage { get; }

    public string? ReportingMta => RecipientStatus.StripType(PerMessage["Reporting-MTA"]);

    public IReadOnlyList<RecipientStatus> Recipients { get; }

    /// <summary>Message-ID of the mail that bounced, from the returned copy or its headers.</summary>
    public string? OriginalMessageId { get; }

    /// <summary>Reads the first delivery-status part of a message, or returns null when it has none.</summary>
    public static DeliveryStatusReport? From(MimeMessage message)
    {
        var statusPart = message.EnumerateEntities().OfType<MimePart>()
            .FirstOrDefault(p => p.ContentType.Is("message", "delivery-status") || p.ContentType.Is("message", "global-delivery-status"));
        if (statusPart is null)
        {
            return null;
        }

        List<HeaderList> blocks;
        using (var stream = statusPart.Content.OpenRead())
        {
            blocks = MimeParser.ReadHeaderBlocks(stream, MimeParserOptions.Default);
        }

        var perMessage = blocks.Count > 0 ? blocks[0] : new HeaderList();
        var recipients = blocks.Skip(1)
            .Select(b => new RecipientStatus(
                b["Final-Recipient"], b["Original-Recipient"], b["Action"]?.Trim().ToLowerInvariant(), FirstWord(b["Status"]), b["Diagnostic-Code"], RecipientStatus.StripType(b["Remote-MTA"])))
            .ToList();
        return new DeliveryStatusReport(perMessage, recipients, FindOriginalMessageId(message));
    }

    /// <summary>The returned mail's Message-ID: from an embedded message/rfc822 or a text/rfc822-headers part.</summary>
    internal static string? FindOriginalMessageId(MimeMessage message)
    {
        foreach (var entity in message.EnumerateEntities())
        {
            switch (entity)
            {
                case MessagePart embedded when embedded.Message.MessageId is { } id:
                    return id;
                case MimePart part when part.ContentType.Is("text", "rfc822-headers") || part.ContentType.Is("message", "global-headers"):
                    using (var stream = part.Content.OpenRead())
                    {
                        var headers = MimeParser.ReadHeaderBlocks(stream, MimeParserOptions.Default).FirstOrDefault();
                        if (MessageIdList.ParseFirst(headers?["Message-ID"]) is { } headerId)
                        {
                            return headerId;
                        }
                    }

                    break;
            }
        }

        return null;
    }

    private static string? FirstWord(string? value) =>
        value?.Trim().Split([' ', '\t', '('], 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}
