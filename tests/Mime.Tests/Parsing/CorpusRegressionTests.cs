using MailTicketing.Mime.Tests.Support;

namespace MailTicketing.Mime.Tests.Parsing;

/// <summary>Bugs the shared corpus revealed, each reduced to a small message.</summary>
public sealed class CorpusRegressionTests
{
    [Fact]
    public void Flowed_body_whose_last_line_is_soft_broken_keeps_its_last_character()
    {
        // mimekit issue1130.txt: the body ends "https://example.com/=20" with no line break.
        using var message = Mail.Parse(Mail.Lines(
            "Content-Type: text/plain; format=flowed",
            "",
            "first ",
            "last word/ "));

        Assert.Equal("first last word/ ", message.TextBody);
    }

    [Fact]
    public void Flowed_body_with_delsp_whose_last_line_is_soft_broken_keeps_its_last_character()
    {
        using var message = Mail.Parse(Mail.Lines(
            "Content-Type: text/plain; format=flowed; delsp=yes",
            "",
            "The URL: ",
            "https://example.com/ "));

        Assert.Equal("The URL:https://example.com/", message.TextBody);
    }

    [Fact]
    public void Flowed_body_ending_with_a_line_break_gains_no_extra_line()
    {
        using var message = Mail.Parse(Mail.Lines(
            "Content-Type: text/plain; format=flowed",
            "",
            "one ",
            "two",
            "three",
            ""));

        Assert.Equal("one two\nthree\n", message.TextBody);
    }

    [Fact]
    public void Multipart_whose_boundary_never_appears_keeps_its_content_as_one_part()
    {
        // stalwart malformed/002.eml: the text used to end up in the multipart's preamble, which nobody reads.
        using var message = Mail.Parse(Mail.Lines(
            "Content-Type: multipart/mixed; boundary=\"ab\"",
            "",
            "body",
            ""));

        var part = Assert.IsType<MimePart>(message.Body);
        Assert.Equal("body\r\n"u8.ToArray(), part.Content.ToArray());
        Assert.Contains(message.Defects, d => d.Kind == MimeDefectKind.MissingBoundary);
    }

    [Fact]
    public void Multipart_that_could_not_be_split_reads_as_the_text_body()
    {
        // zammad mail105.box: Apple Mail declared multipart/mixed and sent quoted-printable text without any delimiter.
        using var message = Mail.Parse(Mail.Lines(
            "Content-Type: multipart/mixed; boundary=\"----_=_NextPart_000_03BED81D.6103DF93\"",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "=C3=A4=C3=B6 ad asd",
            "",
            "-Martin"));

        Assert.Equal("äö ad asd\n\n-Martin", message.TextBody);
        Assert.Empty(message.Attachments);
    }

    [Fact]
    public void Multipart_without_boundary_parameter_reads_as_the_text_body()
    {
        using var message = Mail.Parse(Mail.Lines("Content-Type: multipart/mixed", "", "just text"));

        Assert.Equal("just text", message.TextBody);
        Assert.Empty(message.Attachments);
    }

    [Fact]
    public void Multipart_whose_boundary_never_appears_keeps_more_than_a_preamble_holds()
    {
        var text = string.Concat(Enumerable.Repeat("a line of text that goes on\r\n", 2000));
        using var message = Mail.Parse("Content-Type: multipart/mixed; boundary=x\r\n\r\n" + text);

        var part = Assert.IsType<MimePart>(message.Body);
        Assert.Equal(text.Length, part.Content.Length);
    }

    [Fact]
    public void Nested_multipart_whose_boundary_never_appears_ends_at_the_outer_boundary_with_its_content()
    {
        using var message = Mail.Parse(Mail.Lines(
            "Content-Type: multipart/mixed; boundary=outer",
            "",
            "--outer",
            "Content-Type: multipart/alternative; boundary=inner",
            "",
            "kept text",
            "--outer",
            "Content-Type: text/plain",
            "",
            "second",
            "--outer--"));

        var root = Assert.IsType<Multipart>(message.Body);
        Assert.Equal(2, root.Children.Count);
        var first = Assert.IsType<MimePart>(root.Children[0]);
        Assert.Equal("kept text"u8.ToArray(), first.Content.ToArray());
        Assert.Equal("kept text\nsecond", message.TextBody);
    }

    [Fact]
    public void Base64_multipart_whose_boundary_never_appears_is_decoded()
    {
        using var message = Mail.Parse(Mail.Lines(
            "Content-Type: multipart/mixed; boundary=x",
            "Content-Transfer-Encoding: base64",
            "",
            "aGVsbG8gd29ybGQ=",
            ""));

        var part = Assert.IsType<MimePart>(message.Body);
        Assert.Equal("hello world"u8.ToArray(), part.Content.ToArray());
    }

    [Fact]
    public void Multipart_without_any_part_but_only_blank_lines_stays_an_empty_multipart()
    {
        using var message = Mail.Parse(Mail.Lines(
            "Content-Type: multipart/mixed; boundary=outer",
            "",
            "--outer",
            "Content-Type: multipart/alternative; boundary=inner",
            "",
            "",
            "--outer",
            "Content-Type: text/plain",
            "",
            "text",
            "--outer--"));

        var root = Assert.IsType<Multipart>(message.Body);
        var empty = Assert.IsType<Multipart>(root.Children[0]);
        Assert.Empty(empty.Children);
    }

    [Fact]
    public void Embedded_message_starting_with_an_escaped_mbox_line_keeps_its_headers()
    {
        // jwz corpus (mailcore2 jwz/116, 117): a message forwarded out of an mbox file, ">From " line and all.
        using var message = Mail.Parse(Mail.Lines(
            "Subject: forwarded",
            "Content-Type: message/rfc822",
            "",
            ">From - Fri Dec 13 15:01:21 1996",
            "Subject: inner",
            "Content-Type: application/x-pkcs7-mime",
            "",
            "data"));

        var embedded = Assert.IsType<MessagePart>(message.Body);
        Assert.Equal("inner", embedded.Message.Subject);
        Assert.Equal("application/x-pkcs7-mime", embedded.Message.Body.ContentType.MimeType);
    }

    [Fact]
    public void Message_file_starting_with_an_escaped_mbox_line_keeps_its_headers()
    {
        using var message = Mail.Parse(Mail.Lines(">>From someone@example.com Fri Dec 13 15:01:21 1996", "Subject: s", "", "body"));

        Assert.Equal("s", message.Subject);
        Assert.Equal("body", message.TextBody);
    }

    [Fact]
    public void Stray_line_before_the_header_fields_is_skipped_and_the_headers_read()
    {
        // zammad mail068.box starts "---- Original email message ----"; jwz 5 has an envelope line before a forwarded message.
        using var message = Mail.Parse(Mail.Lines(
            "---- Original email message ----",
            "From: sender@example.com",
            "Subject: real subject",
            "Content-Type: text/html",
            "",
            "<p>body</p>"));

        Assert.Equal("real subject", message.Subject);
        Assert.Equal("sender@example.com", message.From.Mailboxes.Single().Address);
        Assert.Equal("<p>body</p>", message.HtmlBody);
        Assert.Contains(message.Defects, d => d.Kind == MimeDefectKind.MalformedHeader && d.Detail.Contains("Original email message", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_without_header_fields_stays_the_body()
    {
        using var message = Mail.Parse(Mail.Lines("Hello there,", "this is not a header", "", "bye"));

        Assert.Empty(message.Headers);
        Assert.Equal("Hello there,\nthis is not a header\n\nbye", message.TextBody);
    }

    [Fact]
    public void Several_header_lines_wrapped_without_indentation_stay_in_the_header()
    {
        // zammad mail068.box: a Received field re-wrapped by a filter, its continuation lines unindented.
        using var message = Mail.Parse(Mail.Lines(
            "Received: from mail.example.cz ([192.0.2.1])",
            "by mail.example.cz with ESMTP",
            "for helpdesk@example.cz;",
            "Thu, 2 Aug 2018 16:58:16 +0200",
            "Received: by mail.example.cz (Postfix)",
            "Subject: Contact from Server",
            "From: user@example.cz",
            "Content-Type: text/html; charset=\"Windows-1250\"",
            "",
            "<p>Contact form</p>"));

        Assert.Equal("Contact from Server", message.Subject);
        Assert.Equal("user@example.cz", message.From.Mailboxes.Single().Address);
        Assert.Equal("<p>Contact form</p>", message.HtmlBody);
        Assert.Equal(2, message.Headers.FindAll("Received").Count());
    }

    [Fact]
    public void Body_lines_after_headers_without_a_blank_line_stay_the_body_before_a_field_like_line()
    {
        using var message = Mail.Parse(Mail.Lines(
            "Subject: lost password",
            "Content-Type: text/plain",
            "Dear support,",
            "I lost my password.",
            "Order: 12345",
            "",
            "Thanks"));

        Assert.Equal("lost password", message.Subject);
        Assert.Equal("Dear support,\nI lost my password.\nOrder: 12345\n\nThanks", message.TextBody);
    }

    [Fact]
    public void Delivery_status_without_a_blank_line_after_the_per_message_fields_still_has_its_recipient()
    {
        // sisimai rhost-aol-01.eml (AOL), like MimeKit's delivery-status-no-blank-line.txt.
        var report = Reports.DeliveryStatusReport.From(ParseReport(
            "Reporting-MTA: dns; omr-m04.mx.aol.com",
            "Arrival-Date: Fri, 21 Nov 2014 17:15:27 -0500 (EST)",
            "Final-Recipient: rfc822; kijitora@example.jp",
            "Original-Recipient: rfc822;kijitora@example.jp",
            "Action: failed",
            "Status: 5.4.4"));

        Assert.NotNull(report);
        Assert.Equal("omr-m04.mx.aol.com", report.ReportingMta);
        var recipient = Assert.Single(report.Recipients);
        Assert.Equal("kijitora@example.jp", recipient.Address);
        Assert.Equal("5.4.4", recipient.Status);
        Assert.Equal("failed", recipient.Action);
    }

    [Fact]
    public void Delivery_status_with_only_recipient_fields_reads_them_as_a_recipient()
    {
        // sisimai lhost-mcafee-01.eml and lhost-surfcontrol-01.eml have no per-message block.
        var report = Reports.DeliveryStatusReport.From(ParseReport(
            "",
            "Action: failed",
            "Final-Recipient: rfc822;kijitora@example.com",
            "Status: 5.0.0"));

        Assert.NotNull(report);
        Assert.Empty(report.PerMessage);
        var recipient = Assert.Single(report.Recipients);
        Assert.Equal("kijitora@example.com", recipient.Address);
        Assert.Equal("failed", recipient.Action);
    }

    [Fact]
    public void Delivery_status_recipients_without_blank_lines_between_them_are_told_apart()
    {
        var report = Reports.DeliveryStatusReport.From(ParseReport(
            "Reporting-MTA: dns; mx.example.com",
            "",
            "Original-Recipient: rfc822;a@example.com",
            "Final-Recipient: rfc822;a@example.com",
            "Action: failed",
            "Status: 5.1.1",
            "Final-Recipient: rfc822;b@example.com",
            "Action: delayed",
            "Status: 4.2.2"));

        Assert.NotNull(report);
        Assert.Equal(["a@example.com", "b@example.com"], report.Recipients.Select(r => r.Address));
        Assert.Equal(["5.1.1", "4.2.2"], report.Recipients.Select(r => r.Status));
    }

    [Fact]
    public void X_uuencode_part_without_begin_and_end_lines_keeps_its_data()
    {
        // zammad mail078: the part held only the data lines and decoded to nothing.
        using var message = Mail.Parse(Mail.Lines(
            "Content-Type: multipart/mixed; boundary=b",
            "",
            "--b",
            "Content-Type: text/plain",
            "",
            "Attached.",
            "--b",
            "Content-Type: application/msword; name=\"notes.txt\"",
            "Content-Transfer-Encoding: x-uuencode",
            "",
            ",2&5L;&\\@6F%M;6%D",
            "`",
            "--b--"));

        var part = Assert.IsType<MimePart>(Assert.IsType<Multipart>(message.Body).Children[1]);
        Assert.Equal("Hello Zammad"u8.ToArray(), part.Content.ToArray());
        Assert.Contains(message.Defects, d => d.Kind == MimeDefectKind.InvalidContentEncoding && d.Detail.Contains("Truncated"));
    }

    [Fact]
    public void Utf8_base64_part_with_a_trailer_after_its_padding_reads_as_utf8()
    {
        // stalwart thirdparty/002.eml: " ignored" decoded into garbage bytes, and those sent the
        // whole part to windows-1252 ("yÃ¶tÃ¤").
        using var message = Mail.Parse(Mail.Lines(
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            "ecO2dMOkIHZhYW4uCg== ignored",
            ""));

        Assert.Equal("yötä vaan.\n", message.TextBody);
        Assert.Equal("yötä vaan.\n", Assert.IsType<MimePart>(message.Body).GetText().Text);
    }

    private static MimeMessage ParseReport(params string[] statusLines) =>
        Mail.Parse(Mail.Lines(
            [
                "Content-Type: multipart/report; report-type=delivery-status; boundary=b",
                "",
                "--b",
                "Content-Type: text/plain",
                "",
                "failed",
                "--b",
                "Content-Type: message/delivery-status",
                "",
                .. statusLines,
                "",
                "--b--",
            ]));
}
