using System.Globalization;

namespace MailTicketing.Worker.Inspection;

/// <summary>Writes a <see cref="MessageReport"/> for a person reading a terminal.</summary>
internal static class MessageReportText
{
    public static void Write(MessageReport report, TextWriter output)
    {
        output.WriteLine($"File:        {report.File} ({report.SizeBytes} bytes)");
        output.WriteLine($"Subject:     {report.Subject}");
        output.WriteLine($"From:        {Join(report.From)}");
        if (report.Sender is { } sender)
        {
            output.WriteLine($"Sender:      {Format(sender)}");
        }

        WriteIfAny(output, "Reply-To:", report.ReplyTo);
        output.WriteLine($"To:          {Join(report.To)}");
        WriteIfAny(output, "Cc:", report.Cc);
        output.WriteLine($"Date:        {report.Date?.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) ?? "(none or unreadable)"}");
        output.WriteLine($"Message-ID:  {report.MessageId}");
        if (report.InReplyTo is not null)
        {
            output.WriteLine($"In-Reply-To: {report.InReplyTo}");
        }

        if (report.References.Count > 0)
        {
            output.WriteLine($"References:  {string.Join(' ', report.References)}");
        }

        var automation = report.Automation;
        var kinds = new List<string>();
        if (automation.IsBounce)
        {
            kinds.Add("bounce");
        }

        if (automation.IsAutoReply)
        {
            kinds.Add("automatic reply");
        }

        if (automation.IsBulk)
        {
            kinds.Add("bulk/list");
        }

        if (automation.IsReadReceipt)
        {
            kinds.Add("read receipt");
        }

        output.WriteLine($"Automated:   {(kinds.Count == 0 ? "no" : string.Join(", ", kinds))}{(automation.Signals.Count > 0 ? " [" + string.Join("; ", automation.Signals) + "]" : "")}");
        if (report.Bounce is { } bounce)
        {
            foreach (var recipient in bounce.Recipients)
            {
                output.WriteLine($"  bounced:   {recipient.Address} {recipient.Status} {(recipient.IsPermanentFailure ? "(permanent)" : "(temporary)")} {recipient.DiagnosticCode}");
            }

            if (bounce.OriginalMessageId is not null)
            {
                output.WriteLine($"  original:  {bounce.OriginalMessageId}");
            }
        }

        output.WriteLine();
        output.WriteLine("Structure:");
        foreach (var line in report.Structure)
        {
            output.WriteLine("  " + line);
        }

        output.WriteLine();
        output.WriteLine($"Attachments: {(report.Attachments.Count == 0 ? "none" : report.Attachments.Count.ToString(CultureInfo.InvariantCulture))}");
        foreach (var part in report.Attachments)
        {
            var contentId = part.ContentId is null ? "" : $" cid:{part.ContentId}";
            output.WriteLine($"  {part.Disposition,-10} {part.ContentType,-28} {part.Size,10} bytes  {part.FileName ?? "(no name)"}{contentId}");
        }

        output.WriteLine();
        output.WriteLine($"Text body{(report.TextBodyFromHtml ? " (derived from HTML)" : "")}{(report.HasHtmlBody ? ", HTML body present" : "")}:");
        output.WriteLine(report.TextBody ?? "(none)");
        output.WriteLine();
        output.WriteLine($"Defects: {(report.Defects.Count == 0 ? "none" : report.Defects.Count.ToString(CultureInfo.InvariantCulture))}");
        foreach (var defect in report.Defects)
        {
            output.WriteLine("  " + defect);
        }
    }

    private static void WriteIfAny(TextWriter output, string label, IReadOnlyList<AddressEntry> addresses)
    {
        if (addresses.Count > 0)
        {
            output.WriteLine($"{label,-12} {Join(addresses)}");
        }
    }

    private static string Join(IReadOnlyList<AddressEntry> addresses) => string.Join(", ", addresses.Select(Format));

    private static string Format(AddressEntry address) => address.Name is null ? address.Address : $"{address.Name} <{address.Address}>";
}
