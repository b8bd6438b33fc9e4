using System.Text;
using MailTicketing.Mime.Reports;

namespace MailTicketing.Mime.Tests.Corpus;

/// <summary>
/// sisimai keeps 80 of its bounces as CRLF (maildir/dos) and CR-only (maildir/mac) copies of
/// the same files. Each copy, and the CRLF copy turned into LF here, must read the same: tree,
/// subject, sender, attachments, bounce classification and report.
/// </summary>
public sealed class LineEndingVariantTests
{
    [CorpusFact]
    public void Crlf_lf_and_cr_copies_of_a_mail_read_alike()
    {
        CorpusFiles.Require();
        var copies = Directory.GetFiles(CorpusFiles.Path("sisimai/maildir/dos"), "*.eml").Order(StringComparer.Ordinal).ToList();
        Assert.True(copies.Count >= 80, $"only {copies.Count} CRLF copies");

        var differences = new List<string>();
        foreach (var crlfPath in copies)
        {
            var name = Path.GetFileName(crlfPath);
            var crlf = File.ReadAllBytes(crlfPath);
            Assert.Contains((byte)'\r', crlf);
            var lf = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(crlf).Replace("\r\n", "\n", StringComparison.Ordinal));
            var cr = File.ReadAllBytes(CorpusFiles.Path($"sisimai/maildir/mac/{name}"));
            Assert.DoesNotContain((byte)'\n', cr);

            var expected = Describe(crlf);
            foreach (var (label, bytes) in (ReadOnlySpan<(string, byte[])>)[("LF", lf), ("CR", cr)])
            {
                var actual = Describe(bytes);
                if (actual != expected)
                {
                    differences.Add($"{name} as {label}:\n  {actual}\n  CRLF: {expected}");
                }
            }
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    private static string Describe(byte[] bytes)
    {
        using var message = MimeMessage.Parse(bytes);
        return Describe(message);
    }

    private static string Describe(MimeMessage message)
    {
        var tree = string.Join(" ", message.EnumerateEntities().Select(e => e.ContentType.MimeType + (e is Multipart m ? $"({m.Children.Count})" : "")));
        var attachments = string.Join(" ", message.Attachments.Select(a => $"{a.ContentType.MimeType}:{a.FileName}"));
        var report = DeliveryStatusReport.From(message);
        var recipients = report is null ? "no report" : string.Join(" ", report.Recipients.Select(r => $"{r.Address}={r.Status}/{r.Action}"));
        return $"[{tree}] subject '{message.Subject}' from '{message.From}' attachments [{attachments}] bounce {message.Automation.IsBounce} auto-reply {message.Automation.IsAutoReply} report [{recipients}] text {message.TextBody?.Length > 0}";
    }
}
