using System.Text;
using MailTicketing.Mime.Writing;

namespace MailTicketing.Mime.Tests.Writing;

public class MimeStructureTests
{
    private static readonly byte[] Png = TestMessages.Random(2000, 11);

    private static OutgoingMessage Full()
    {
        var message = TestMessages.Minimal(text: "Plain text");
        message.HtmlBody = "<p>Hello <img src=\"cid:logo.1@example.com\"></p>";
        message.Attachments.Add(new OutgoingAttachment("logo.png", "image/png", Png) { ContentId = "logo.1@example.com", Inline = true });
        message.Attachments.Add(new OutgoingAttachment("report.pdf", "application/pdf", TestMessages.Random(5000, 12)));
        return message;
    }

    [Fact]
    public void Text_only_is_a_single_text_plain_part()
    {
        var bytes = MessageWriter.ToBytes(TestMessages.Minimal());
        var entity = WrittenEntity.Parse(bytes);

        Assert.Equal("text/plain", entity.Shape);
        Assert.Equal("text/plain; charset=utf-8", entity.Header("Content-Type"));
        Assert.Equal("quoted-printable", entity.Header("Content-Transfer-Encoding"));
        Assert.Equal("1.0", entity.Header("MIME-Version"));
    }

    [Fact]
    public void Text_and_html_are_alternatives_with_plain_first()
    {
        var message = TestMessages.Minimal();
        message.HtmlBody = "<p>Body</p>";

        Assert.Equal("multipart/alternative[text/plain,text/html]", WrittenEntity.Parse(MessageWriter.ToBytes(message)).Shape);
    }

    [Fact]
    public void Html_only_is_a_single_html_part()
    {
        var message = TestMessages.Minimal(text: null);
        message.HtmlBody = "<p>Body</p>";

        Assert.Equal("text/html", WrittenEntity.Parse(MessageWriter.ToBytes(message)).Shape);
    }

    [Fact]
    public void Attachments_wrap_the_body_in_multipart_mixed()
    {
        var message = TestMessages.Minimal();
        message.HtmlBody = "<p>Body</p>";
        message.Attachments.Add(new OutgoingAttachment("a.txt", "text/plain", "abc"u8.ToArray()));

        Assert.Equal(
            "multipart/mixed[multipart/alternative[text/plain,text/html],text/plain]",
            WrittenEntity.Parse(MessageWriter.ToBytes(message)).Shape);
    }

    [Fact]
    public void Inline_image_goes_into_related_around_the_html()
    {
        var entity = WrittenEntity.Parse(MessageWriter.ToBytes(Full()));

        Assert.Equal(
            "multipart/mixed[multipart/alternative[text/plain,multipart/related[text/html,image/png]],application/pdf]",
            entity.Shape);
        var related = entity.Descendants().Single(e => e.MimeType == "multipart/related");
        Assert.Contains("type=\"text/html\"", related.Header("Content-Type"));
        var image = entity.Descendants().Single(e => e.MimeType == "image/png");
        Assert.Equal("<logo.1@example.com>", image.Header("Content-ID"));
        Assert.StartsWith("inline;", image.Header("Content-Disposition"));
        Assert.Equal(Png, Convert.FromBase64String(image.Body.Replace("\r\n", string.Empty)));
    }

    [Fact]
    public void Inline_image_without_html_is_an_ordinary_part_of_mixed()
    {
        var message = TestMessages.Minimal();
        message.Attachments.Add(new OutgoingAttachment("logo.png", "image/png", Png) { ContentId = "logo.1@example.com", Inline = true });

        Assert.Equal("multipart/mixed[text/plain,image/png]", WrittenEntity.Parse(MessageWriter.ToBytes(message)).Shape);
    }

    [Fact]
    public void No_body_and_no_attachments_gives_an_empty_text_part()
    {
        var entity = WrittenEntity.Parse(MessageWriter.ToBytes(TestMessages.Minimal(text: null)));

        Assert.Equal("text/plain", entity.Shape);
        Assert.Equal(string.Empty, entity.Body.TrimEnd('\r', '\n'));
    }

    [Fact]
    public void Boundaries_are_unique_prefixed_and_absent_from_all_content()
    {
        var bytes = MessageWriter.ToBytes(Full());
        var entity = WrittenEntity.Parse(bytes);
        var boundaries = entity.Descendants().Prepend(entity).Select(e => e.Boundary).OfType<string>().ToList();

        Assert.Equal(3, boundaries.Count);
        Assert.Equal(3, boundaries.Distinct().Count());
        Assert.All(boundaries, b => Assert.Matches("^=_mt_[a-z2-7]{24}$", b));
        foreach (var leaf in entity.Descendants().Where(e => e.Parts.Count == 0))
        {
            Assert.DoesNotContain("=_", leaf.Body);
        }
    }

    [Fact]
    public void Boundaries_differ_between_messages()
    {
        var first = WrittenEntity.Parse(MessageWriter.ToBytes(Full())).Boundary;
        var second = WrittenEntity.Parse(MessageWriter.ToBytes(Full())).Boundary;

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Mostly_ascii_text_is_quoted_printable_and_chinese_text_is_base64()
    {
        var message = TestMessages.Minimal(text: "Hello, your ticket is SUP-000123. 谢谢");
        message.HtmlBody = "<p>您好，我们已经收到您的邮件，工单号是 SUP-000123。</p>";
        var entity = WrittenEntity.Parse(MessageWriter.ToBytes(message));

        Assert.Equal("quoted-printable", entity.Parts[0].Header("Content-Transfer-Encoding"));
        Assert.Equal("base64", entity.Parts[1].Header("Content-Transfer-Encoding"));
        Assert.Equal(message.HtmlBody, Encoding.UTF8.GetString(Convert.FromBase64String(entity.Parts[1].Body.Replace("\r\n", string.Empty))));
    }

    [Fact]
    public void Base64_text_has_crlf_line_breaks_in_its_decoded_form()
    {
        var message = TestMessages.Minimal(text: "第一行\n第二行\r第三行");
        var entity = WrittenEntity.Parse(MessageWriter.ToBytes(message));

        Assert.Equal("base64", entity.Header("Content-Transfer-Encoding"));
        Assert.Equal("第一行\r\n第二行\r\n第三行", Encoding.UTF8.GetString(Convert.FromBase64String(entity.Body.Replace("\r\n", string.Empty))));
    }

    [Fact]
    public void Every_written_message_is_7bit_crlf_and_within_line_limits()
    {
        var message = Full();
        message.Subject = "中文 " + new string('x', 1500);
        message.TextBody = new string('y', 5000) + "\n\u0000\u0001 é";
        Wire.AssertStrict(MessageWriter.ToBytes(message));
    }

    [Fact]
    public void Attachment_stream_factory_is_opened_per_write_and_disposed()
    {
        var opened = 0;
        TrackingStream? last = null;
        var message = TestMessages.Minimal();
        message.Attachments.Add(new OutgoingAttachment("data.bin", "application/octet-stream", () =>
        {
            opened++;
            return last = new TrackingStream(Png);
        }));

        var first = MessageWriter.ToBytes(message);
        var again = MessageWriter.ToBytes(message);

        Assert.Equal(2, opened);
        Assert.True(last!.Disposed);
        var part = WrittenEntity.Parse(first).Parts[1];
        Assert.Equal(Png, Convert.FromBase64String(part.Body.Replace("\r\n", string.Empty)));
        Assert.Equal(first.Length, again.Length);
    }

    [Fact]
    public void Invalid_message_throws_before_writing_anything()
    {
        var message = TestMessages.Minimal();
        message.Cc.Add(new MailboxAddress(null, "用户@example.com"));
        using var output = new MemoryStream();

        Assert.Throws<ArgumentException>(() => MessageWriter.Write(message, output));
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void Null_from_is_refused()
    {
        var message = TestMessages.Minimal();
        message.From = null!;

        Assert.Throws<ArgumentException>(() => MessageWriter.ToBytes(message));
    }

    private sealed class TrackingStream(byte[] data) : MemoryStream(data)
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
