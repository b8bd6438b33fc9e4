using System.Text;
using MailTicketing.Mime.Tests.Support;

namespace MailTicketing.Mime.Tests.Parsing;

public sealed class MimeParserTests
{
    [Fact]
    public void Folded_header_keeps_raw_folding_and_unfolds_value()
    {
        using var message = Mail.Parse(Mail.Lines("Subject: first part", "\tsecond part", "From: a@b.example", "", "body"));
        Assert.Equal("first part second part", message.Subject);
        Assert.Equal(" first part\r\n\tsecond part"u8.ToArray(), message.Headers.Find("Subject")!.RawValue);
    }

    [Fact]
    public void Duplicate_headers_are_all_kept_in_order()
    {
        using var message = Mail.Parse(Mail.Lines("Received: one", "Received: two", "Subject: s", "", "b"));
        Assert.Equal(["one", "two"], message.Headers.FindAll("received").Select(h => h.Value));
    }

    [Fact]
    public void Multipart_boundary_takes_preceding_line_break()
    {
        using var message = Mail.Parse(Mail.Lines(
            "Content-Type: multipart/mixed; boundary=b",
            "",
            "preamble",
            "--b",
            "Content-Type: application/octet-stream",
            "",
            "abc",
            "--b--",
            "epilogue"));
        var multipart = Assert.IsType<Multipart>(message.Body);
        var part = Assert.IsType<MimePart>(Assert.Single(multipart.Children));
        Assert.Equal("abc"u8.ToArray(), part.Content.ToArray());
        Assert.Equal("preamble"u8.ToArray(), multipart.Preamble);
        Assert.Equal("epilogue"u8.ToArray(), multipart.Epilogue);
        Assert.Empty(message.Defects);
    }

    [Fact]
    public void Boundary_with_trailing_whitespace_still_matches()
    {
        using var message = Mail.Parse(Mail.Lines("Content-Type: multipart/mixed; boundary=b", "", "--b  ", "", "x", "--b-- \t", ""));
        Assert.Single(Assert.IsType<Multipart>(message.Body).Children);
        Assert.Empty(message.Defects);
    }

    [Fact]
    public void Boundary_that_prefixes_a_nested_boundary_is_not_confused_with_it()
    {
        using var message = Mail.Parse(Mail.Lines(
            "Content-Type: multipart/mixed; boundary=ab",
            "",
            "--ab",
            "Content-Type: multipart/alternative; boundary=abc",
            "",
            "--abc",
            "",
            "plain",
            "--abc--",
            "--ab",
            "Content-Type: application/pdf",
            "",
            "pdf",
            "--ab--"));
        var outer = Assert.IsType<Multipart>(message.Body);
        Assert.Equal(2, outer.Children.Count);
        Assert.Single(Assert.IsType<Multipart>(outer.Children[0]).Children);
        Assert.Equal("plain", message.TextBody);
    }

    [Fact]
    public void Missing_closing_boundary_keeps_parts_and_reports_it()
    {
        using var message = Mail.Parse(Mail.Lines("Content-Type: multipart/mixed; boundary=b", "", "--b", "", "one", "--b", "", "two"));
        Assert.Equal(2, Assert.IsType<Multipart>(message.Body).Children.Count);
        Assert.Contains(message.Defects, d => d.Kind == MimeDefectKind.MissingClosingBoundary);
    }

    [Fact]
    public void Inner_multipart_without_close_ends_at_outer_boundary()
    {
        using var message = Mail.Parse(Mail.Lines(
            "Content-Type: multipart/mixed; boundary=outer",
            "",
            "--outer",
            "Content-Type: multipart/alternative; boundary=inner",
            "",
            "--inner",
            "",
            "text",
            "--outer",
            "Content-Type: image/png",
            "",
            "png",
            "--outer--"));
        var outer = Assert.IsType<Multipart>(message.Body);
        Assert.Equal(2, outer.Children.Count);
        Assert.Equal("image/png", outer.Children[1].ContentType.MimeType);
        Assert.Single(message.Defects, d => d.Kind == MimeDefectKind.MissingClosingBoundary);
    }

    [Fact]
    public void Multipart_without_boundary_is_kept_as_one_part()
    {
        using var message = Mail.Parse(Mail.Lines("Content-Type: multipart/mixed", "", "just text"));
        var part = Assert.IsType<MimePart>(message.Body);
        Assert.Equal("just text"u8.ToArray(), part.Content.ToArray());
        Assert.Contains(message.Defects, d => d.Kind == MimeDefectKind.MissingBoundary);
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_kept_opaque_without_recursion()
    {
        const int depth = 10_000;
        var builder = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            builder.Append($"Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n");
        }

        builder.Append("Content-Type: text/plain\r\n\r\ndeep\r\n");
        for (var i = depth - 1; i >= 0; i--)
        {
            builder.Append($"--b{i}--\r\n");
        }

        using var message = Mail.Parse(builder.ToString(), MimeParserOptions.Default with { MaxNestingDepth = 20 });
        Assert.Contains(message.Defects, d => d.Kind == MimeDefectKind.NestingTooDeep);
        var levels = 0;
        for (MimeEntity entity = message.Body; entity is Multipart m; entity = m.Children[0])
        {
            levels++;
        }

        Assert.Equal(20, levels);
    }

    [Fact]
    public void Missing_blank_line_after_headers_starts_the_body()
    {
        using var message = Mail.Parse(Mail.Lines("Subject: hi", "From: a@b.example", "Hello there, my UID is 42", "second line"));
        Assert.Equal("hi", message.Subject);
        Assert.Equal("Hello there, my UID is 42\nsecond line", message.TextBody);
        Assert.Contains(message.Defects, d => d.Kind == MimeDefectKind.MissingHeaderBodySeparator);
    }

    [Fact]
    public void Header_line_wrapped_without_whitespace_joins_the_previous_field()
    {
        using var message = Mail.Parse(Mail.Lines(
            "Content-Type: multipart/mixed; boundary=b",
            "",
            "--b",
            "Content-Type: application/zip;",
            "name=\"logs.zip\"",
            "Content-Transfer-Encoding: base64",
            "",
            "UEsDBA==",
            "--b--"));
        var part = Assert.IsType<MimePart>(Assert.IsType<Multipart>(message.Body).Children[0]);
        Assert.Equal("logs.zip", part.FileName);
        Assert.Equal("PK\u0003\u0004"u8.ToArray(), part.Content.ToArray());
        Assert.Contains(message.Defects, d => d.Kind == MimeDefectKind.MalformedHeader);
    }

    [Fact]
    public void Carriage_return_only_line_endings_are_lines()
    {
        using var message = MimeMessage.Parse("Subject: cr only\rFrom: a@b.example\r\rline one\rline two\r"u8);
        Assert.Equal("cr only", message.Subject);
        Assert.Equal("line one\nline two\n", message.TextBody);
    }

    [Fact]
    public void Header_bomb_is_capped_and_reported()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            builder.Append("X-Bomb: ").Append(i).Append("\r\n");
        }

        builder.Append("Subject: after bomb\r\n\r\nbody\r\n");
        using var message = Mail.Parse(builder.ToString(), MimeParserOptions.Default with { MaxHeaderCount = 100 });
        Assert.Equal(100, message.Headers.Count);
        Assert.Single(message.Defects, d => d.Kind == MimeDefectKind.HeaderLimitExceeded);
        Assert.Equal("body\r\n"u8.ToArray(), Assert.IsType<MimePart>(message.Body).Content.ToArray());
    }

    [Fact]
    public void Header_longer_than_the_read_buffer_is_cut_at_the_limit()
    {
        var longValue = new string('a', 200_000);
        using var message = Mail.Parse("Subject: " + longValue + "\r\nFrom: a@b.example\r\n\r\nbody", MimeParserOptions.Default with { MaxHeaderLength = 100_000 });
        Assert.Equal(100_000, message.Headers.Find("Subject")!.RawValue.Length);
        Assert.Equal("a@b.example", message.From.Mailboxes.Single().Address);
        Assert.Equal("body", message.TextBody);
    }

    [Fact]
    public void Empty_input_gives_an_empty_message_with_a_defect()
    {
        using var message = MimeMessage.Parse([]);
        Assert.Empty(message.Headers);
        Assert.Contains(message.Defects, d => d.Kind == MimeDefectKind.Truncated);
    }

    [Fact]
    public void Headers_only_message_has_an_empty_body()
    {
        using var message = Mail.Parse("Subject: no body\r\n");
        Assert.Equal("no body", message.Subject);
        Assert.Equal(0, Assert.IsType<MimePart>(message.Body).Content.Length);
    }

    [Fact]
    public void Digest_parts_default_to_embedded_messages()
    {
        using var message = Mail.Parse(Mail.Lines(
            "Content-Type: multipart/digest; boundary=d",
            "",
            "--d",
            "",
            "Subject: first digest item",
            "",
            "item body",
            "--d--"));
        var item = Assert.IsType<MessagePart>(Assert.IsType<Multipart>(message.Body).Children[0]);
        Assert.Equal("first digest item", item.Message.Subject);
    }

    [Fact]
    public void Base64_encoded_forwarded_message_is_decoded_then_parsed()
    {
        var inner = Convert.ToBase64String("Subject: inner\r\n\r\ninner body\r\n"u8);
        using var message = Mail.Parse(Mail.Lines(
            "Content-Type: multipart/mixed; boundary=b",
            "",
            "--b",
            "Content-Type: message/rfc822",
            "Content-Transfer-Encoding: base64",
            "",
            inner,
            "--b--"));
        var embedded = Assert.IsType<MessagePart>(Assert.IsType<Multipart>(message.Body).Children[0]);
        Assert.Equal("inner", embedded.Message.Subject);
        Assert.Equal("inner body\n", embedded.Message.TextBody);
    }

    [Fact]
    public void Fifty_megabyte_attachment_spills_to_disk_without_fifty_megabytes_of_heap()
    {
        const long decodedLength = 50L * 1024 * 1024;
        const long base64Length = decodedLength / 3 * 4 + 4;
        var lineLength = 78L; // 76 characters and CRLF
        var encodedWithBreaks = base64Length / 76 * lineLength + base64Length % 76;
        var head = Encoding.ASCII.GetBytes(Mail.Lines(
            "Subject: big",
            "Content-Type: multipart/mixed; boundary=b",
            "",
            "--b",
            "Content-Type: application/octet-stream; name=big.bin",
            "Content-Transfer-Encoding: base64",
            "",
            ""));
        var tail = "\r\n--b--\r\n"u8.ToArray();

        // "AAAA" repeated decodes to zero bytes; the line breaks every 76 characters are real.
        using var stream = new GeneratedStream(head, encodedWithBreaks, i => (i % lineLength) switch
        {
            76 => (byte)'\r',
            77 => (byte)'\n',
            _ => (byte)'A',
        }, tail);

        var before = GC.GetAllocatedBytesForCurrentThread();
        using var message = MimeMessage.Load(stream);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var part = Assert.IsType<MimePart>(Assert.IsType<Multipart>(message.Body).Children[0]);
        Assert.True(part.Content.IsOnDisk);
        Assert.InRange(part.Content.Length, decodedLength, decodedLength + 3);
        Assert.True(allocated < 8 * 1024 * 1024, $"parsing allocated {allocated:N0} bytes");
    }
}
