using System.Text;

namespace MailTicketing.Mime.Tests.ContentTypes;

public class ContentDispositionTests
{
    [Fact]
    public void Attachment_with_quoted_filename_parses()
    {
        var disposition = Parse("attachment; filename=\"statement.pdf\"", out var malformed);

        Assert.True(disposition.IsAttachment);
        Assert.Equal("statement.pdf", disposition.FileName);
        Assert.False(malformed);
    }

    [Fact]
    public void Disposition_is_lower_cased_and_unknown_ones_kept()
    {
        Assert.True(Parse("INLINE", out _).IsInline);
        Assert.Equal("form-data", Parse("Form-Data; name=x", out _).Disposition);
    }

    [Fact]
    public void Filename_without_a_disposition_means_attachment()
    {
        var disposition = Parse("filename=report.pdf", out var malformed);

        Assert.True(disposition.IsAttachment);
        Assert.Equal("report.pdf", disposition.FileName);
        Assert.True(malformed);
    }

    [Fact]
    public void Empty_value_is_inline_and_flagged()
    {
        var disposition = Parse("", out var malformed);

        Assert.True(disposition.IsInline);
        Assert.True(malformed);
    }

    [Fact]
    public void Missing_semicolon_after_the_disposition_is_tolerated()
    {
        var disposition = Parse("attachment filename=a.pdf", out var malformed);

        Assert.True(disposition.IsAttachment);
        Assert.Equal("a.pdf", disposition.FileName);
        Assert.True(malformed);
    }

    [Fact]
    public void Unquoted_filename_with_spaces_is_kept_whole()
    {
        Assert.Equal("Bank Statement March.pdf", Parse("attachment; filename=Bank Statement March.pdf", out _).FileName);
    }

    [Fact]
    public void Continuations_with_charset_are_joined_then_decoded()
    {
        // mikel-mail japanese_attachment_long_name.eml: a character's bytes never straddle
        // sections here, but the charset is only on section 0.
        var raw = "attachment;\r\n\tfilename*0*=utf-8''%E3%81%8B%E3%81%8D%E3%81%8F%E3%81%91%E3%81%93%E3%81%8B%E3%81%8D%E3%81%8F%E3%81%91%E3%81%93%E3%81%8B%E3%81%8D%E3%81%8F%E3%81%91%E3%81%93%E3%81%8B%E3%81%8D%E3%81%8F%E3%81%91%E3%81%93%E3%81%8B;\r\n"
            + "\tfilename*1*=%E3%81%8D%E3%81%8F%E3%81%91%E3%81%93.txt";

        Assert.Equal("かきくけこかきくけこかきくけこかきくけこかきくけこ.txt", Parse(raw, out _).FileName);
    }

    [Fact]
    public void Continuations_mixing_encoded_and_plain_sections_are_joined()
    {
        // rt rfc2231-attachment-filename-continuations: ISO-2022-JP escapes per section,
        // a plain last section.
        var raw = "inline;\r\n filename*0*=ISO-2022-JP'ja'%1b$B%3f7$7$$%25F%25%2d%259%25H%1b%28B;\r\n filename*1*=%20;\r\n"
            + " filename*2*=%1b$B%25I%25%2d%25e%25a%25s%25H%1b%28B;\r\n filename*3=.txt";

        Assert.Equal("新しいテキスト ドキュメント.txt", Parse(raw, out _).FileName);
    }

    [Fact]
    public void Continuations_out_of_order_are_sorted()
    {
        var raw = "attachment; filename*2=\".pdf\"; filename*0*=utf-8''%E4%B8; filename*1*=%AD%E6%96%87";

        Assert.Equal("中文.pdf", Parse(raw, out _).FileName);
    }

    [Fact]
    public void Continuation_with_a_duplicated_section_keeps_the_first()
    {
        Assert.Equal("ab", Parse("attachment; filename*0=a; filename*1=b; filename*1=x", out _).FileName);
    }

    [Fact]
    public void Continuations_without_charset_decode_raw_bytes_with_the_fallback()
    {
        var raw = Encoding.ASCII.GetBytes("attachment; filename*0*=%D6%D0; filename*1=.txt");

        Assert.Equal("中.txt", ContentDisposition.Parse(raw, "gb2312", out _).FileName);
    }

    [Fact]
    public void Plain_continuations_carrying_an_encoded_word_are_decoded()
    {
        var raw = "attachment; filename*0=\"=?utf-8?B?5Lit\"; filename*1=\"5paH?=.txt\"";

        Assert.Equal("中文.txt", Parse(raw, out _).FileName);
    }

    [Fact]
    public void Continuations_win_over_a_plain_filename()
    {
        var raw = "attachment; filename=\"fallback.txt\"; filename*0*=utf-8''%C3%A9; filename*1=.txt";

        Assert.Equal("é.txt", Parse(raw, out _).FileName);
    }

    [Fact]
    public void Extended_filename_from_zammad_decodes()
    {
        Assert.Equal("Erklärung.txt", Parse("attachment; filename*=utf-8''Erkl%C3%A4rung.txt", out _).FileName);
        Assert.Equal(
            "Bestellbestätigung_BK18052795.jpg",
            Parse("attachment;\r\n  filename*=\"ISO-8859-1''Bestellbest%E4tigung_BK18052795.jpg\"", out _).FileName);
    }

    [Fact]
    public void Hostile_section_numbers_are_ignored()
    {
        var disposition = Parse("attachment; filename*99999999=x; filename*-1=y; filename*0=ok", out var malformed);

        Assert.Equal("ok", disposition.FileName);
        Assert.True(malformed);
    }

    private static ContentDisposition Parse(string raw, out bool malformed) =>
        ContentDisposition.Parse(Encoding.UTF8.GetBytes(raw), null, out malformed);
}
