using MailTicketing.Mime.Encodings;
using MailTicketing.Mime.Reports;

namespace MailTicketing.Mime.Tests.Corpus;

/// <summary>
/// Reads everything a caller of a parsed message can read (headers, addresses, bodies, every
/// part's content, reports, embedded messages), so that any exception surfaces, and checks that
/// no leaf part is lost: each is an attachment, the text or HTML body, or an alternative
/// rendering of the body. Returns the problems found; exceptions are left to the caller.
/// </summary>
internal static class MessageProbe
{
    public static List<string> Probe(MimeMessage message)
    {
        var problems = new List<string>();
        Probe(message, "", problems, depth: 0);
        return problems;
    }

    /// <summary>Every leaf of a message tree in order (parts of embedded messages not included).</summary>
    public static List<MimeEntity> Leaves(MimeMessage message) =>
        message.EnumerateEntities().Where(e => e is not Multipart).ToList();

    private static void Probe(MimeMessage message, string where, List<string> problems, int depth)
    {
        foreach (var header in message.Headers)
        {
            _ = header.Value;
        }

        _ = message.Subject;
        _ = message.Date;
        _ = message.MessageId;
        _ = message.InReplyTo;
        _ = message.References.Count;
        _ = message.Sender?.Address;
        foreach (var list in (AddressList[])[message.From, message.To, message.Cc, message.ReplyTo, message.Bcc])
        {
            foreach (var mailbox in list.Mailboxes)
            {
                _ = (mailbox.Name, mailbox.Address, mailbox.LocalPart, mailbox.Domain);
            }
        }

        var text = message.TextBody;
        var html = message.HtmlBody;
        _ = message.TextBodyFromHtml;
        _ = message.Automation.Signals.Count;
        _ = message.Defects.Count;
        if (DeliveryStatusReport.From(message) is { } report)
        {
            _ = (report.ReportingMta, report.OriginalMessageId);
            foreach (var recipient in report.Recipients)
            {
                _ = (recipient.Address, recipient.Status, recipient.IsPermanentFailure);
            }
        }

        _ = DispositionNotification.From(message)?.Disposition;

        foreach (var entity in message.EnumerateEntities())
        {
            _ = (entity.FileName, entity.ContentId, entity.ContentType.Charset, entity.ContentDisposition?.Disposition);
            switch (entity)
            {
                case Multipart { Children.Count: 0 } empty when empty.Preamble.AsSpan().IndexOfAnyExcept(" \t\r\n"u8) >= 0:
                    problems.Add($"{where}{empty.ContentType.MimeType} at {empty.Offset} has no parts but text in its preamble: lost");
                    break;
                case MimePart part:
                    CheckContent(part.Content, $"{where}{part.ContentType.MimeType} at {part.Offset}", problems);
                    break;
                case MessagePart embedded:
                    CheckContent(embedded.RawContent, $"{where}{embedded.ContentType.MimeType} at {embedded.Offset}", problems);
                    if (depth < 40)
                    {
                        Probe(embedded.Message, $"{where}{embedded.ContentType.MimeType} at {embedded.Offset} > ", problems, depth + 1);
                    }

                    break;
            }
        }

        CheckLeavesAccountedFor(message, text, html, where, problems);
    }

    private static void CheckContent(IO.PartContent content, string where, List<string> problems)
    {
        using var stream = content.OpenRead();
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            total += read;
        }

        if (total != content.Length)
        {
            problems.Add($"{where}: Length says {content.Length} but {total} bytes were read");
        }
    }

    private static void CheckLeavesAccountedFor(MimeMessage message, string? text, string? html, string where, List<string> problems)
    {
        var leaves = Leaves(message);
        var inTree = new HashSet<MimeEntity>(leaves, ReferenceEqualityComparer.Instance);
        var attachments = new HashSet<MimeEntity>(ReferenceEqualityComparer.Instance);
        foreach (var attachment in message.Attachments)
        {
            if (!attachments.Add(attachment))
            {
                problems.Add($"{where}attachment {attachment.ContentType.MimeType} at {attachment.Offset} is listed twice");
            }

            // Files cut out of uuencoded text are the only attachments not in the tree.
            if (!inTree.Contains(attachment) && attachment is not MimePart { TransferEncoding: ContentEncoding.UUEncode })
            {
                problems.Add($"{where}attachment {attachment.ContentType.MimeType} is not a part of the message");
            }
        }

        var strippedText = text is null ? null : StripWhitespace(text);
        var strippedHtml = html is null ? null : StripWhitespace(html);
        int asAttachment = 0, asBody = 0, asAlternative = 0;
        foreach (var leaf in leaves)
        {
            if (attachments.Contains(leaf))
            {
                asAttachment++;
                continue;
            }

            // A leaf typed multipart/* is a multipart that could not be split; it reads as plain text.
            if (leaf is not MimePart { IsDeclaredAttachment: false } part || !(part.IsText || part.ContentType.MediaType == "multipart"))
            {
                problems.Add($"{where}{leaf.ContentType.MimeType} at {leaf.Offset} is neither an attachment nor a body: lost");
                continue;
            }

            // Inside multipart/alternative, the renderings not chosen (text/enriched, a second HTML) repeat the body.
            if (IsInsideAlternative(message.Body, part))
            {
                asAlternative++;
                continue;
            }

            if (part.ContentType.MediaSubtype is not ("plain" or "html") && part.ContentType.MediaType != "multipart")
            {
                problems.Add($"{where}{leaf.ContentType.MimeType} at {leaf.Offset} is neither an attachment nor a body: lost");
                continue;
            }

            var body = part.ContentType.MediaSubtype == "html" ? strippedHtml : strippedText;
            var own = StripWhitespace(WithoutUuencodedFiles(part.GetText().Text));
            var sample = own.Length > 200 ? own[..200] : own;
            if (sample.Length > 0 && (body is null || !body.Contains(sample, StringComparison.Ordinal)))
            {
                problems.Add($"{where}{part.ContentType.MimeType} at {part.Offset} is not an attachment and its text is missing from the body: lost");
                continue;
            }

            asBody++;
        }

        if (asAttachment + asBody + asAlternative != leaves.Count)
        {
            problems.Add($"{where}{leaves.Count} leaves but {asAttachment} attachments + {asBody} body parts + {asAlternative} alternatives");
        }
    }

    private static bool IsInsideAlternative(MimeEntity root, MimeEntity target)
    {
        return Search(root, insideAlternative: false);

        bool Search(MimeEntity entity, bool insideAlternative)
        {
            if (ReferenceEquals(entity, target))
            {
                return insideAlternative;
            }

            return entity is Multipart multipart
                && multipart.Children.Any(c => Search(c, insideAlternative || multipart.ContentType.MediaSubtype == "alternative"));
        }
    }

    /// <summary>Uuencoded files in a text body become attachments; the rest of the text stays the body.</summary>
    private static string WithoutUuencodedFiles(string text)
    {
        var result = text;
        foreach (var block in UuencodedBlocks.Find(text).Reverse())
        {
            result = result.Remove(block.Start, block.Length);
        }

        return result;
    }

    private static string StripWhitespace(string value) => string.Concat(value.Where(c => !char.IsWhiteSpace(c)));
}
