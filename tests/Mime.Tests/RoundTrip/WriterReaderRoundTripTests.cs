using System.Security.Cryptography;
using System.Text;
using MailTicketing.Mime.Writing;

namespace MailTicketing.Mime.Tests.RoundTrip;

/// <summary>What our writer produces, our reader must read back exactly, with no defects.</summary>
public sealed class WriterReaderRoundTripTests
{
    private static readonly DateTimeOffset Date = new(2026, 11, 21, 13, 5, 9, TimeSpan.FromHours(8));

    [Fact]
    public void Chinese_acknowledgement_with_alternatives_attachments_and_inline_image_reads_back_exactly()
    {
        var binary = RandomBytes(300 * 1024, seed: 7);
        var image = RandomBytes(2048, seed: 8);
        var message = new OutgoingMessage
        {
            From = new MailboxAddress("币安客服中心", "support@example.com"),
            To = { new MailboxAddress("张三", "zhangsan@example.cn"), new MailboxAddress("Doe, John", "john.doe@example.com") },
            Cc = { new MailboxAddress("Say \"hi\" \\o/", "quoted@example.com") },
            Subject = "【工单 SUP-000123】您好，我们已经收到您关于充值未到账的问题，客服将在24小时内回复 🚀 =?not-a-word?=",
            Date = Date,
            MessageId = MessageIdGenerator.Create("example.com", "t.SUP-000123"),
            InReplyTo = "CAF=abc+def@mail.gmail.com",
            References = { "root.1@mail.example.org", "CAF=abc+def@mail.gmail.com" },
            Headers = { new OutgoingHeader("Auto-Submitted", "auto-replied") },
            TextBody = "您好，\n\n工单号是 SUP-000123。\n请不要向任何人透露您的密码、私钥或助记词。\n\n" + new string('长', 400) + "\n",
            HtmlBody = "<p>您好，</p><p>工单号是 <b>SUP-000123</b>。</p><img src=\"cid:logo@example.com\">",
            Attachments =
            {
                new OutgoingAttachment("交易记录-2024年3月-非常长的文件名称需要RFC2231续行才能写下.csv", "text/csv", Encoding.UTF8.GetBytes("uid,txid\n1,0xabc\n")),
                new OutgoingAttachment("data.bin", "application/octet-stream", binary),
                new OutgoingAttachment("logo.png", "image/png", image) { ContentId = "logo@example.com", Inline = true },
            },
        };

        using var read = MimeMessage.Parse(MessageWriter.ToBytes(message));

        Assert.Equal(message.Subject, read.Subject);
        Assert.Equal([("币安客服中心", "support@example.com")], read.From.Mailboxes.Select(m => (m.Name, m.Address)));
        Assert.Equal([("张三", "zhangsan@example.cn"), ("Doe, John", "john.doe@example.com")], read.To.Mailboxes.Select(m => (m.Name, m.Address)));
        Assert.Equal([("Say \"hi\" \\o/", "quoted@example.com")], read.Cc.Mailboxes.Select(m => (m.Name, m.Address)));
        Assert.Equal(Date, read.Date);
        Assert.Equal(message.MessageId, read.MessageId);
        Assert.Equal("CAF=abc+def@mail.gmail.com", read.InReplyTo);
        Assert.Equal(["root.1@mail.example.org", "CAF=abc+def@mail.gmail.com"], read.References);
        Assert.Equal("auto-replied", read.Headers["Auto-Submitted"]);
        Assert.Equal(message.TextBody, read.TextBody);
        Assert.Equal(message.HtmlBody, read.HtmlBody);
        Assert.True(read.Automation.IsAutoReply);

        // The inline image sits in multipart/related beside the HTML, so it comes first in document order.
        var attachments = read.Attachments.Cast<MimePart>().ToDictionary(a => a.FileName!);
        Assert.Equal(message.Attachments.Select(a => a.FileName).Order(), attachments.Keys.Order());
        Assert.Equal("uid,txid\n1,0xabc\n"u8.ToArray(), NormalizeCsv(attachments[message.Attachments[0].FileName!].Content.ToArray()));
        Assert.Equal(SHA256.HashData(binary), SHA256.HashData(attachments["data.bin"].Content.ToArray()));
        Assert.Equal(SHA256.HashData(image), SHA256.HashData(attachments["logo.png"].Content.ToArray()));
        Assert.Equal("logo@example.com", attachments["logo.png"].ContentId);
        Assert.True(attachments["logo.png"].IsInline);
        Assert.Empty(read.Defects);
    }

    [Fact]
    public void Random_messages_read_back_exactly()
    {
        var random = new Random(2026);
        for (var i = 0; i < 60; i++)
        {
            var message = new OutgoingMessage
            {
                From = new MailboxAddress(RandomText(random, 1, 20), "support@example.com"),
                To = { new MailboxAddress(RandomText(random, 0, 30), $"customer{i}@example.org") },
                Subject = RandomText(random, 0, 200),
                Date = Date.AddMinutes(i),
                TextBody = RandomText(random, 0, 3000, lines: true),
                HtmlBody = random.Next(2) == 0 ? null : "<p>" + RandomText(random, 1, 500) + "</p>",
            };
            var attachmentCount = random.Next(3);
            for (var a = 0; a < attachmentCount; a++)
            {
                var name = RandomText(random, 1, 60).Replace('/', '_') + ".bin";
                message.Attachments.Add(new OutgoingAttachment(name, "application/octet-stream", RandomBytes(random.Next(0, 5000), seed: i * 10 + a)));
            }

            using var read = MimeMessage.Parse(MessageWriter.ToBytes(message));
            var context = $"message {i}";
            Assert.True(message.Subject.Trim() == read.Subject, context);
            // The writer collapses runs of whitespace in display names (a name is a phrase).
            Assert.True(Collapse(message.From.Name) == read.From.Mailboxes.Single().Name, context);
            Assert.True(Collapse(message.To[0].Name) == read.To.Mailboxes.Single().Name, context);
            Assert.True(message.TextBody == read.TextBody, context);
            Assert.True(message.HtmlBody == read.HtmlBody, context);
            Assert.True(attachmentCount == read.Attachments.Count, context);
            for (var a = 0; a < attachmentCount; a++)
            {
                Assert.True(message.Attachments[a].FileName == read.Attachments[a].FileName, context);
            }

            Assert.True(read.Defects.Count == 0, $"{context}: {string.Join("; ", read.Defects)}");
        }
    }

    private static string RandomText(Random random, int minLength, int maxLength, bool lines = false)
    {
        const string ascii = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?\"'()<>[]@\\=_-+*/&%$#";
        string[] others = ["充值", "提现", "账户", "被盗", "交易哈希", "訂單", "🚀", "é", "ß", "日本語", "=?", "?=", "  "];
        var length = random.Next(minLength, maxLength + 1);
        var builder = new StringBuilder();
        while (builder.Length < length)
        {
            var roll = random.Next(20);
            if (roll < 12)
            {
                builder.Append(ascii[random.Next(ascii.Length)]);
            }
            else if (roll < 19 || !lines)
            {
                builder.Append(others[random.Next(others.Length)]);
            }
            else
            {
                builder.Append('\n');
            }
        }

        return builder.ToString().Trim();
    }

    private static string? Collapse(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    // A text attachment travels with CRLF line breaks (RFC 2046 §4.1.1 canonical form).
    private static byte[] NormalizeCsv(byte[] bytes) => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n"));
}
