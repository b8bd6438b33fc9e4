using MailTicketing.Mime.Writing;

namespace MailTicketing.Mime.Tests.Writing;

public class AttachmentHeaderTests
{
    private static string[] PartField(OutgoingAttachment attachment, string field)
    {
        var message = TestMessages.Minimal();
        message.Attachments.Add(attachment);
        var text = System.Text.Encoding.ASCII.GetString(MessageWriter.ToBytes(message));
        var lines = text.Split("\r\n");
        var start = Array.FindLastIndex(lines, l => l.StartsWith(field + ":", StringComparison.Ordinal));
        var end = start + 1;
        while (lines[end].StartsWith(' '))
        {
            end++;
        }

        return lines[start..end];
    }

    [Fact]
    public void Ascii_file_name_is_quoted_in_both_fields()
    {
        var attachment = new OutgoingAttachment("report 2026.pdf", "application/pdf", new byte[3]);

        Assert.Equal(["Content-Type: application/pdf; name=\"report 2026.pdf\""], PartField(attachment, "Content-Type"));
        Assert.Equal(["Content-Disposition: attachment; filename=\"report 2026.pdf\""], PartField(attachment, "Content-Disposition"));
    }

    [Fact]
    public void Chinese_file_name_uses_rfc2231_and_encoded_words_for_old_clients()
    {
        var attachment = new OutgoingAttachment("截图.png", "image/png", new byte[3]);

        Assert.Equal(
            ["Content-Disposition: attachment; filename*=utf-8''%E6%88%AA%E5%9B%BE.png"],
            PartField(attachment, "Content-Disposition"));
        var type = string.Concat(PartField(attachment, "Content-Type"));
        Assert.Equal("Content-Type: image/png; name=\"=?utf-8?B?5oiq5Zu+LnBuZw==?=\"", type);
    }

    [Fact]
    public void Long_chinese_file_name_uses_numbered_continuations_that_keep_characters_whole()
    {
        var name = string.Concat(Enumerable.Repeat("充值记录截图", 8)) + ".png";
        var attachment = new OutgoingAttachment(name, "image/png", new byte[3]);

        var disposition = PartField(attachment, "Content-Disposition");
        Assert.All(disposition, l => Assert.True(l.Length <= 78, l));
        Assert.StartsWith(" filename*0*=utf-8''%", disposition[1]);
        Assert.StartsWith(" filename*1*=%", disposition[2]);

        // Each segment decodes on its own: no UTF-8 sequence is split between two segments.
        var decoded = string.Concat(disposition.Skip(1).Select(l =>
        {
            var value = l.Trim().TrimEnd(';');
            return PercentDecodeStrict(value[(value.IndexOf('=') + 1)..].Replace("utf-8''", string.Empty));
        }));
        Assert.Equal(name, decoded);

        var type = PartField(attachment, "Content-Type");
        Assert.All(type, l => Assert.True(l.Length <= 78, l));
        Assert.Equal(name, Wire.DecodeField(System.Text.Encoding.ASCII.GetBytes(string.Join("\r\n", type) + "\r\n\r\n"), "Content-Type")
            .Split("name=\"")[1].TrimEnd('"'));
    }

    [Fact]
    public void Long_ascii_file_name_uses_quoted_continuations()
    {
        var name = string.Join("-", Enumerable.Range(0, 20).Select(i => "segment" + i)) + ".txt";
        var attachment = new OutgoingAttachment(name, "text/plain", new byte[3]);

        var disposition = PartField(attachment, "Content-Disposition");
        Assert.All(disposition, l => Assert.True(l.Length <= 78, l));
        Assert.Equal(name, string.Concat(disposition.Skip(1).Select(l => l.Trim().TrimEnd(';').Split('=', 2)[1].Trim('"'))));
        Assert.StartsWith(" filename*0=\"", disposition[1]);
    }

    [Fact]
    public void Content_type_parameters_from_the_caller_are_kept()
    {
        var attachment = new OutgoingAttachment("notes.txt", "Text/Plain; charset=\"utf-8\"", new byte[3]);

        Assert.Equal(["Content-Type: text/plain; charset=utf-8; name=\"notes.txt\""], PartField(attachment, "Content-Type"));
    }

    [Theory]
    [InlineData("image")]
    [InlineData("image/")]
    [InlineData("image/png\r\nX-Evil: 1")]
    [InlineData("image/png; name=x")]
    [InlineData("image/png; boundary=x")]
    [InlineData("multipart/mixed")]
    [InlineData("message/rfc822")]
    [InlineData("text/plain; charset")]
    public void Invalid_content_types_are_refused(string contentType)
    {
        Assert.Throws<ArgumentException>(() => new OutgoingAttachment("a", contentType, new byte[1]));
    }

    [Theory]
    [InlineData("<logo@example.com>")]
    [InlineData("logo")]
    [InlineData("lo go@example.com")]
    public void Invalid_content_ids_are_refused(string contentId)
    {
        Assert.Throws<ArgumentException>(() => new OutgoingAttachment("a.png", "image/png", new byte[1]) { ContentId = contentId });
    }

    [Fact]
    public void File_name_with_a_line_break_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new OutgoingAttachment("a\r\nb.png", "image/png", new byte[1]));
    }

    private static string PercentDecodeStrict(string value)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%')
            {
                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)value[i]);
            }
        }

        return new System.Text.UTF8Encoding(false, true).GetString(bytes.ToArray());
    }
}
