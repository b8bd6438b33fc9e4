using System.Text.Json;
using MailTicketing.Worker.Json;

namespace MailTicketing.Worker.Inspection;

/// <summary>
/// Writes a <see cref="MessageReport"/> as JSON. The field names and order are a documented
/// contract (README.md, "inspect --json"): add fields, never rename or remove them.
/// </summary>
internal static class MessageReportJson
{
    public static void Write(MessageReport report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOutput.Options))
        {
            json.WriteStartObject();
            json.WriteString("file", report.File);
            json.WriteNumber("sizeBytes", report.SizeBytes);
            json.WriteString("subject", report.Subject);
            WriteAddresses(json, "from", report.From);
            json.WritePropertyName("sender");
            WriteAddress(json, report.Sender);
            WriteAddresses(json, "replyTo", report.ReplyTo);
            WriteAddresses(json, "to", report.To);
            WriteAddresses(json, "cc", report.Cc);
            if (report.Date is { } date)
            {
                json.WriteString("date", date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                json.WriteNull("date");
            }

            json.WriteString("messageId", report.MessageId);
            json.WriteString("inReplyTo", report.InReplyTo);
            json.WriteStringArray("references", report.References);
            json.WriteString("textBody", report.TextBody);
            json.WriteBoolean("textBodyFromHtml", report.TextBodyFromHtml);
            json.WriteBoolean("hasHtmlBody", report.HasHtmlBody);

            json.WriteStartArray("attachments");
            foreach (var part in report.Attachments)
            {
                json.WriteStartObject();
                json.WriteString("fileName", part.FileName);
                json.WriteString("contentType", part.ContentType);
                json.WriteNumber("size", part.Size);
                json.WriteString("contentId", part.ContentId);
                json.WriteString("disposition", part.Disposition);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStringArray("structure", report.Structure);

            json.WriteStartObject("automation");
            json.WriteBoolean("isBounce", report.Automation.IsBounce);
            json.WriteBoolean("isAutoReply", report.Automation.IsAutoReply);
            json.WriteBoolean("isBulk", report.Automation.IsBulk);
            json.WriteBoolean("isReadReceipt", report.Automation.IsReadReceipt);
            json.WriteBoolean("suppressesAutoReplies", report.Automation.SuppressesAutoReplies);
            json.WriteBoolean("hasNullSender", report.Automation.HasNullSender);
            json.WriteBoolean("isMachineGenerated", report.Automation.IsMachineGenerated);
            json.WriteStringArray("signals", report.Automation.Signals);
            json.WriteEndObject();

            if (report.Bounce is { } bounce)
            {
                json.WriteStartObject("bounce");
                json.WriteString("reportingMta", bounce.ReportingMta);
                json.WriteString("originalMessageId", bounce.OriginalMessageId);
                json.WriteStartArray("recipients");
                foreach (var recipient in bounce.Recipients)
                {
                    json.WriteStartObject();
                    json.WriteString("address", recipient.Address);
                    json.WriteString("action", recipient.Action);
                    json.WriteString("status", recipient.Status);
                    json.WriteBoolean("permanent", recipient.IsPermanentFailure);
                    json.WriteString("diagnosticCode", recipient.DiagnosticCode);
                    json.WriteString("remoteMta", recipient.RemoteMta);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("bounce");
            }

            json.WriteStartArray("defects");
            foreach (var defect in report.Defects)
            {
                json.WriteStartObject();
                json.WriteString("kind", defect.Kind.ToString());
                json.WriteNumber("offset", defect.Offset);
                json.WriteString("detail", defect.Detail);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WriteAddresses(Utf8JsonWriter json, string name, IReadOnlyList<AddressEntry> addresses)
    {
        json.WriteStartArray(name);
        foreach (var address in addresses)
        {
            WriteAddress(json, address);
        }

        json.WriteEndArray();
    }

    private static void WriteAddress(Utf8JsonWriter json, AddressEntry? address)
    {
        if (address is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        json.WriteString("name", address.Name);
        json.WriteString("address", address.Address);
        json.WriteEndObject();
    }
}
