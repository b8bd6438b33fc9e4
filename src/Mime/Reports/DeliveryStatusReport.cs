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

        var (perMessage, recipientBlocks) = SplitBlocks(blocks);
        var recipients = recipientBlocks
            .Select(b => new RecipientStatus(
                b["Final-Recipient"], b["Original-Recipient"], b["Action"]?.Trim().ToLowerInvariant(), FirstWord(b["Status"]), b["Diagnostic-Code"], RecipientStatus.StripType(b["Remote-MTA"])))
            .ToList();
        return new DeliveryStatusReport(perMessage, recipients, FindOriginalMessageId(message));
    }

    /// <summary>
    /// RFC 3464 §2.1: a per-message block, then one block per recipient, separated by blank
    /// lines. Mailers drop those lines (AOL runs the first recipient into the per-message
    /// block; others send recipients only, or several in one block), so blocks are cut where
    /// the fields say: at the first per-recipient field of the first block, and wherever a
    /// recipient's own address field repeats.
    /// </summary>
    private static (HeaderList PerMessage, List<HeaderList> Recipients) SplitBlocks(List<HeaderList> blocks)
    {
        var perMessage = new HeaderList();
        var recipients = new List<HeaderList>();
        for (var b = 0; b < blocks.Count; b++)
        {
            HeaderList? current = null;
            foreach (var field in blocks[b])
            {
                if (current is null && b == 0 && !PerRecipientFields.Any(field.Is))
                {
                    perMessage.Add(field);
                    continue;
                }

                var startsRecipient = field.Is("Final-Recipient") || field.Is("Original-Recipient");
                if (current is null || (startsRecipient && current.Contains(field.Name)))
                {
                    current = new HeaderList();
                    recipients.Add(current);
                }

                current.Add(field);
            }
        }

        return (perMessage, recipients);
    }

    /// <summary>
    /// The Message-ID of the mail a bounce returns, from an embedded message/rfc822 or a
    /// text/rfc822-headers part; works for bounces without a delivery-status part too.
    /// </summary>
    public static string? FindOriginalMessageId(MimeMessage message)
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

    // RFC 3464 §2.3: the fields that only a per-recipient block has.
    private static readonly string[] PerRecipientFields =
    [
        "Original-Recipient", "Final-Recipient", "Action", "Status", "Remote-MTA", "Diagnostic-Code",
        "Last-Attempt-Date", "Final-Log-ID", "Will-Retry-Until",
    ];

    private static string? FirstWord(string? value) =>
        value?.Trim().Split([' ', '\t', '('], 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}
