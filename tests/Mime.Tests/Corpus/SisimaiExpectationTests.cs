using System.Text;
using System.Text.RegularExpressions;
using MailTicketing.Mime.Reports;
using Xunit.Abstractions;

namespace MailTicketing.Mime.Tests.Corpus;

/// <summary>
/// sisimai's EXPECTED-from-p5-sisimai.tsv says, per bounced recipient, the delivery status,
/// the reason and whether the bounce is hard. Most of these bounces are vendor text formats
/// that a later issue reads; what the MIME reader owes today is the RFC 3464 ones: every mail
/// sisimai calls a bounce that carries a message/delivery-status part is a bounce for us, with
/// a readable report. How many recipients' statuses we reproduce is reported, with floors so
/// that a regression shows.
/// </summary>
public sealed partial class SisimaiExpectationTests(ITestOutputHelper output)
{
    private const string Expected = "sisimai/EXPECTED-from-p5-sisimai.tsv";

    /// <summary>Mails with a delivery-status part that sisimai calls a bounce but we may not, with the reason.</summary>
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        ["maildir/bsd/rhost-google-02.eml"] = BoundaryEdited,
        ["maildir/bsd/rhost-franceptt-07.eml"] = BoundaryEdited,
        ["maildir/bsd/lhost-googleworkspace-01.eml"] = "the message/delivery-status part is empty",
        ["maildir/bsd/lhost-postfix-64.eml"] = PerMessageOnly,
        ["maildir/bsd/lhost-x3-05.eml"] = PerMessageOnly,
        ["maildir/bsd/lhost-postfix-49.eml"] = QuotedAsText,
        ["maildir/bsd/lhost-postfix-50.eml"] = QuotedAsText,
        ["maildir/bsd/lhost-sendmail-53.eml"] = NoContentType,
        ["maildir/bsd/lhost-sendmail-54.eml"] = NoContentType,
        ["maildir/bsd/lhost-x5-01.eml"] = "the report is inside a forwarded message/rfc822 (DeliveryStatusReport reads the mail's own parts); IsBounce holds",
        ["maildir/bsd/rfc3464-35.eml"] = "every delimiter line starts with a space (' --AAA…'); RFC 2046 §5.1.1 wants it at the start of the line, so there are no parts",
    };

    private const string BoundaryEdited =
        "the boundary parameter differs from the delimiters in the body (the sample was edited upstream): the multipart cannot be split and reads as text";

    private const string PerMessageOnly = "the delivery-status part has only the per-message block: there is no recipient to report";

    private const string QuotedAsText = "the mail is text/plain and quotes a whole MIME bounce in its body: there is no report part to read";

    private const string NoContentType = "the headers have no MIME-Version or Content-Type, so the body is text/plain (RFC 2045 §5.2) although it looks like a multipart/report";

    [CorpusFact]
    public void Rfc3464_bounces_are_bounces_with_readable_reports_and_statuses_mostly_match()
    {
        CorpusFiles.Require();
        var rows = ReadRows();
        Assert.True(rows.Count >= 600, $"only {rows.Count} rows in {Expected}");

        var failures = new List<string>();
        var statusDiffers = new List<string>();
        int files = 0, withStatusPart = 0, bounceFiles = 0, detected = 0, statusRows = 0, statusSame = 0, permanenceSame = 0, hardRows = 0, hardPermanent = 0;
        int vacations = 0, vacationsSeen = 0, feedback = 0, feedbackNotBounce = 0;
        foreach (var group in rows.GroupBy(r => r.File))
        {
            files++;
            var path = CorpusFiles.Path("sisimai/" + group.Key);
            using var message = MimeMessage.Load(path);
            var automation = message.Automation;
            var reason = group.First().Reason;
            if (reason == "vacation")
            {
                vacations++;
                vacationsSeen += automation.IsAutoReply ? 1 : 0;
                continue;
            }

            if (reason == "feedback")
            {
                feedback++;
                feedbackNotBounce += automation.IsBounce ? 0 : 1;
                continue;
            }

            bounceFiles++;
            detected += automation.IsBounce ? 1 : 0;
            if (!DeclaresStatusPart(File.ReadAllBytes(path)))
            {
                continue;
            }

            withStatusPart++;
            var report = DeliveryStatusReport.From(message);
            if (!automation.IsBounce || report is null || report.Recipients.Count == 0)
            {
                if (!Exceptions.ContainsKey(group.Key))
                {
                    failures.Add($"{group.Key}: IsBounce {automation.IsBounce}, report {(report is null ? "missing" : $"with {report.Recipients.Count} recipients")}");
                }

                continue;
            }

            foreach (var row in group)
            {
                var recipient = row.RecipientNumber <= report.Recipients.Count ? report.Recipients[row.RecipientNumber - 1] : null;
                if (row.DeliveryStatus.Length > 0)
                {
                    statusRows++;
                    if (recipient?.Status == row.DeliveryStatus)
                    {
                        statusSame++;
                    }
                    else
                    {
                        statusDiffers.Add($"{group.Key} #{row.RecipientNumber}: {(recipient is null ? "no such recipient" : recipient.Status ?? "no Status field")}, sisimai {row.DeliveryStatus} ({row.Reason})");
                    }

                    permanenceSame += recipient is not null && recipient.IsPermanentFailure == row.DeliveryStatus.StartsWith('5') ? 1 : 0;
                }

                if (row.HardBounce)
                {
                    hardRows++;
                    hardPermanent += recipient?.IsPermanentFailure == true ? 1 : 0;
                }
            }
        }

        output.WriteLine($"sisimai: {rows.Count} rows over {files} mails; {bounceFiles} bounces, {detected} of them detected as bounces ({withStatusPart} carry a delivery-status part)");
        output.WriteLine($"  in those with a delivery-status part: status same for {statusSame} of {statusRows} recipients, permanent/temporary same for {permanenceSame}; {hardPermanent} of {hardRows} hard bounces permanent for us");
        foreach (var differs in statusDiffers)
        {
            output.WriteLine($"    {differs}");
        }

        output.WriteLine($"  RFC 3834 vacation replies seen as auto-replies: {vacationsSeen} of {vacations}; ARF feedback reports not taken for bounces: {feedbackNotBounce} of {feedback}");

        Assert.True(failures.Count == 0, "delivery-status bounces we miss:\n" + string.Join("\n", failures));
        Assert.True(withStatusPart >= 300, $"only {withStatusPart} mails with a delivery-status part");

        // Floors, not goals: sisimai derives statuses from diagnostic text where the report is vague, which we do not.
        Assert.True(statusSame >= 260, $"status reproduced for {statusSame} of {statusRows}");
        Assert.True(permanenceSame >= 290, $"permanence reproduced for {permanenceSame} of {statusRows}");
        Assert.True(hardPermanent >= 90, $"{hardPermanent} of {hardRows} hard bounces permanent for us");
        Assert.Equal(vacations, vacationsSeen);
        Assert.Equal(feedback, feedbackNotBounce);
    }

    /// <summary>Looks at the raw bytes, not our parse, so a part the parser lost still counts.</summary>
    private static bool DeclaresStatusPart(byte[] raw) => StatusPartHeader().IsMatch(Encoding.Latin1.GetString(raw));

    private static List<Row> ReadRows()
    {
        var rows = new List<Row>();
        foreach (var line in File.ReadLines(CorpusFiles.Path(Expected)))
        {
            if (line.StartsWith('#') || line.StartsWith("file\t", StringComparison.Ordinal) || line.Length == 0)
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells[7] == "not-in-set-of-emails")
            {
                continue;
            }

            rows.Add(new Row(cells[0], int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture), cells[2], cells[4], cells[5] == "1"));
        }

        return rows;
    }

    [GeneratedRegex(@"^Content-Type:[ \t]*message/(global-)?delivery-status", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex StatusPartHeader();

    private sealed record Row(string File, int RecipientNumber, string DeliveryStatus, string Reason, bool HardBounce);
}
