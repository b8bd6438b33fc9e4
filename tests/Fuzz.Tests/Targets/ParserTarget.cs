using MailTicketing.Mime;
using MailTicketing.Mime.Reports;

namespace MailTicketing.Fuzz.Tests.Targets;

/// <summary>
/// The MIME reader alone: every input parses without an exception, and everything the worker
/// reads from a message (addresses, dates, ids, bodies, attachments with their bytes,
/// automation signals, reports, defects), embedded messages included, can be read too.
/// </summary>
internal sealed class ParserTarget : Engine.IFuzzTarget
{
    private long _defects;
    private long _parts;

    public string Name => "parser";

    public string Outcomes => $"{_parts} entities read, {_defects} defects repaired";

    public string? Run(byte[] input, long iteration)
    {
        using var message = MimeMessage.Parse(input);
        if (message.Length != input.Length)
        {
            return $"lost bytes: the reader stopped at {message.Length} of {input.Length} bytes";
        }

        Touch(message, depth: 0);
        return null;
    }

    /// <summary>Reads what ingestion, export and inspection read, so a lazy decoder that throws is found here too.</summary>
    private void Touch(MimeMessage message, int depth)
    {
        _ = message.Subject;
        _ = message.From.Mailboxes.Select(m => (m.Address, m.Name, m.Domain)).ToList();
        _ = message.To.Mailboxes.Count() + message.Cc.Mailboxes.Count() + message.Bcc.Mailboxes.Count() + message.ReplyTo.Mailboxes.Count();
        _ = message.Sender;
        _ = message.Date;
        _ = message.MessageId;
        _ = message.InReplyTo;
        _ = message.References.Count;
        _ = message.TextBody;
        _ = message.HtmlBody;
        _ = message.TextBodyFromHtml;
        _ = message.Automation.Signals.Count;
        _ = DeliveryStatusReport.From(message)?.Recipients.Select(r => (r.Address, r.IsPermanentFailure)).ToList();
        _ = DeliveryStatusReport.FindOriginalMessageId(message);
        _ = DispositionNotification.From(message)?.OriginalMessageId;
        _defects += message.Defects.Count;
        foreach (var header in message.Headers)
        {
            _ = header.Value;
        }

        foreach (var entity in message.EnumerateEntities())
        {
            _parts++;
            _ = entity.FileName;
            _ = entity.ContentId;
            _ = entity.ContentType.Charset;
        }

        foreach (var attachment in message.Attachments)
        {
            switch (attachment)
            {
                case MimePart part:
                    _ = part.Content.ComputeSha256();
                    if (part.IsText)
                    {
                        _ = part.GetText();
                    }

                    break;
                case MessagePart embedded:
                    _ = embedded.RawContent.ComputeSha256();
                    if (depth < 8)
                    {
                        Touch(embedded.Message, depth + 1);
                    }

                    break;
            }
        }
    }
}
