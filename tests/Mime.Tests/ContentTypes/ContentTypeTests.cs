using System.Text;
using MailTicketing.Mime.Text;

namespace MailTicketing.Mime.Tests.ContentTypes;

public class ContentTypeTests
{
    [Fact]
    public void Simple_type_with_charset_parses()
    {
        var type = Parse("text/plain; charset=utf-8", out var malformed);

        Assert.Equal("text/plain", type.MimeType);
        Assert.Equal("utf-8", type.Charset);
        Assert.False(malformed);
    }

    [Fact]
    public void Type_and_parameter_names_are_lower_cased_but_values_are_not()
    {
        var type = Parse("TEXT/HTML; Charset=\"UTF-8\"", out var malformed);

        Assert.Equal("text", type.MediaType);
        Assert.Equal("html", type.MediaSubtype);
        Assert.Equal("UTF-8", type.Charset);
        Assert.Equal("charset", Assert.Single(type.Parameters).Key);
        Assert.False(malformed);
    }

    [Fact]
    public void Folded_value_parses()
    {
        var type = Parse("multipart/alternative;\r\n\tboundary=\"----=_NextPart_000_0012_01D2A1B3.5A4C8E20\"\r\n", out var malformed);

        Assert.True(type.Is("multipart", "*"));
        Assert.Equal("----=_NextPart_000_0012_01D2A1B3.5A4C8E20", type.Boundary);
        Assert.False(malformed);
    }

    [Fact]
    public void Boundary_is_kept_exactly()
    {
        // Case, trailing whitespace and an encoded-word look-alike all stay: it is matched byte for byte.
        var type = Parse("multipart/mixed; boundary=\"=?utf-8?q?AbC?= Xy \"", out _);

        Assert.Equal("=?utf-8?q?AbC?= Xy ", type.Boundary);
    }

    [Fact]
    public void Unquoted_boundary_with_equals_signs_is_kept()
    {
        Assert.Equal("----=_Part_0_1234.5678", Parse("multipart/mixed; boundary=----=_Part_0_1234.5678", out _).Boundary);
    }

    [Theory]
    [InlineData("text", "text/plain")]
    [InlineData("text/", "text/plain")]
    [InlineData("multipart", "multipart/mixed")]
    [InlineData("image", "application/octet-stream")]
    public void Missing_subtype_gets_a_default_and_is_flagged(string raw, string expected)
    {
        var type = Parse(raw + "; charset=gbk", out var malformed);

        Assert.Equal(expected, type.MimeType);
        Assert.Equal("gbk", type.Charset);
        Assert.True(malformed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("@@@")]
    [InlineData("/")]
    [InlineData("\"text/plain\"")]
    [InlineData("文本/纯")]
    public void Garbage_type_becomes_octet_stream(string raw)
    {
        var type = Parse(raw, out var malformed);

        Assert.Equal("application/octet-stream", type.MimeType);
        Assert.True(malformed);
    }

    [Fact]
    public void Garbage_type_still_yields_its_parameters()
    {
        var type = Parse("@@@; name=report.pdf", out var malformed);

        Assert.Equal("application/octet-stream", type.MimeType);
        Assert.Equal("report.pdf", type.Name);
        Assert.True(malformed);
    }

    [Fact]
    public void Parameters_without_a_type_are_recovered()
    {
        var type = Parse("charset=utf-8", out var malformed);

        Assert.Equal("application/octet-stream", type.MimeType);
        Assert.Equal("utf-8", type.Charset);
        Assert.True(malformed);
    }

    [Fact]
    public void Comments_are_skipped()
    {
        var type = Parse("text/plain (Plain text); charset=us-ascii (Plain text)", out var malformed);

        Assert.Equal("text/plain", type.MimeType);
        Assert.Equal("us-ascii", type.Charset);
        Assert.False(malformed);
    }

    [Fact]
    public void Missing_semicolons_between_parameters_are_tolerated()
    {
        var type = Parse("text/plain charset=utf-8 format=flowed", out _);

        Assert.Equal("text/plain", type.MimeType);
        Assert.Equal("utf-8", type.Charset);
        Assert.Equal("flowed", type.Parameters["format"]);
    }

    [Fact]
    public void Duplicate_parameter_keeps_the_first()
    {
        Assert.Equal("utf-8", Parse("text/plain; charset=utf-8; CHARSET=gbk", out _).Charset);
    }

    [Fact]
    public void Trailing_and_doubled_semicolons_are_harmless()
    {
        var type = Parse("text/html;; charset=gb2312;", out var malformed);

        Assert.Equal("gb2312", type.Charset);
        Assert.Single(type.Parameters);
        Assert.False(malformed);
    }

    [Fact]
    public void Parameter_without_value_is_skipped_and_flagged()
    {
        var type = Parse("text/plain; flowed; charset=utf-8", out var malformed);

        Assert.Equal("utf-8", type.Charset);
        Assert.Null(type.Parameters["flowed"]);
        Assert.True(malformed);
    }

    [Fact]
    public void Junk_word_before_a_parameter_does_not_hide_it()
    {
        // mailcore2 jwz: "multipart/mixed; <nl>\r\n\tboundary=..." from a broken mail gateway.
        var type = Parse("multipart/mixed; <nl>\r\n\tboundary=\"SlateBoundary\";<nl>", out var malformed);

        Assert.Equal("SlateBoundary", type.Boundary);
        Assert.True(malformed);
    }

    [Fact]
    public void Text_after_the_subtype_is_flagged_but_parameters_survive()
    {
        var type = Parse("text/plain/html; charset=utf-8", out var malformed);

        Assert.Equal("text/plain", type.MimeType);
        Assert.Equal("utf-8", type.Charset);
        Assert.True(malformed);
    }

    [Theory]
    [InlineData("application/pdf; name=My File.pdf", "My File.pdf")]
    [InlineData("application/pdf; name=My File (1).pdf", "My File (1).pdf")]
    [InlineData("application/pdf; name=My  File.pdf ; size=10", "My  File.pdf")]
    [InlineData("application/pdf; name=\"a \\\"quoted\\\" name.pdf\"", "a \"quoted\" name.pdf")]
    [InlineData("application/pdf; name=\"C:\\docs\\a.pdf\"", "C:\\docs\\a.pdf")]
    [InlineData("application/pdf; name=\"unterminated.pdf", "unterminated.pdf")]
    public void Name_values_as_mailers_write_them(string raw, string expected)
    {
        Assert.Equal(expected, Parse(raw, out _).Name);
    }

    [Fact]
    public void Outlook_style_encoded_word_in_name_is_decoded()
    {
        var raw = $"application/pdf; name=\"=?UTF-8?B?{Convert.ToBase64String("提币记录.pdf"u8)}?=\"";

        Assert.Equal("提币记录.pdf", Parse(raw, out _).Name);
    }

    [Fact]
    public void Folded_encoded_words_in_a_quoted_name_are_joined()
    {
        // mikel-mail japanese_attachment_long_name.eml
        var raw = "text/plain;\r\n\tx-unix-mode=0644;\r\n\tname=\"=?utf-8?B?44GL44GN44GP44GR44GT44GL44GN44GP44GR44GT44GL44GN44GP?=\r\n"
            + " =?utf-8?B?44GR44GT44GL44GN44GP44GR44GT44GL44GN44GP44GR44GTLnR4?=\r\n =?utf-8?B?dA==?=\"";

        var type = Parse(raw, out var malformed);

        Assert.Equal("かきくけこかきくけこかきくけこかきくけこかきくけこ.txt", type.Name);
        Assert.Equal("0644", type.Parameters["x-unix-mode"]);
        Assert.False(malformed);
    }

    [Fact]
    public void Encoded_word_between_literal_text_in_a_name_is_decoded()
    {
        // zammad mail073: a space, an ISO-8859-1 word, then the extension, all inside quotes.
        var type = Parse("image/jpg;\r\n  name=\" =?ISO-8859-1?B?QmVzdGVsbGJlc3TkdGlndW5nX0JLMTgwNTI3OTU=?=.jpg\"", out _);

        Assert.Equal("Bestellbestätigung_BK18052795.jpg", type.Name);
    }

    [Fact]
    public void Raw_utf8_name_is_decoded()
    {
        Assert.Equal("中文附件.pdf", ContentType.Parse("application/pdf; name=\"中文附件.pdf\""u8, null, out _).Name);
    }

    [Fact]
    public void Raw_gbk_name_uses_the_fallback_charset()
    {
        var raw = Charsets.Find("gbk")!.GetBytes("application/pdf; name=\"朱镕基.pdf\"");

        Assert.Equal("朱镕基.pdf", ContentType.Parse(raw, "gb2312", out _).Name);
    }

    [Fact]
    public void Rfc2231_value_with_charset_and_language_is_decoded()
    {
        Assert.Equal("中文.pdf", Parse("application/pdf; name*=UTF-8'zh-cn'%E4%B8%AD%E6%96%87.pdf", out _).Name);
    }

    [Fact]
    public void Quoted_rfc2231_value_is_decoded()
    {
        // zammad mail081: us-ascii label on an ISO-8859-1 byte.
        var type = Parse("image/jpeg;\r\n name*=\"us-ascii''Forex%20Platte%20ohne%20W%F6lbung.jpg\"", out _);

        Assert.Equal("Forex Platte ohne Wölbung.jpg", type.Name);
    }

    [Fact]
    public void Rfc2231_value_wins_over_a_plain_duplicate_in_either_order()
    {
        Assert.Equal("é.pdf", Parse("application/pdf; name=\"fallback.pdf\"; name*=utf-8''%C3%A9.pdf", out _).Name);
        Assert.Equal("é.pdf", Parse("application/pdf; name*=utf-8''%C3%A9.pdf; name=\"fallback.pdf\"", out _).Name);
    }

    [Fact]
    public void Rfc2231_unknown_charset_falls_back()
    {
        Assert.Equal("中文", Parse("text/plain; name*=x-bogus''%D6%D0%CE%C4", "gb2312", out _).Name);
        Assert.Equal("中文", Parse("text/plain; name*=x-bogus''%E4%B8%AD%E6%96%87", null, out _).Name);
    }

    [Fact]
    public void Rfc2231_without_quotes_is_still_percent_decoded()
    {
        Assert.Equal("a b.txt", Parse("text/plain; name*=a%20b.txt", out _).Name);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(2045);
        var pieces = new[] { "text/plain", ";", "=", "\"", "\\", "name", "*0*", "*1", "*=", "utf-8''", "%E4", "(", ")", " ", "\r\n", "=?utf-8?B?5Lit?=" };
        for (var i = 0; i < 500; i++)
        {
            var bytes = new List<byte>();
            for (var j = random.Next(0, 24); j > 0; j--)
            {
                if (random.Next(4) == 0)
                {
                    bytes.Add((byte)random.Next(256));
                }
                else
                {
                    bytes.AddRange(Encoding.ASCII.GetBytes(pieces[random.Next(pieces.Length)]));
                }
            }

            var type = ContentType.Parse(bytes.ToArray(), "gb2312", out _);

            Assert.False(string.IsNullOrEmpty(type.MediaType));
            Assert.False(string.IsNullOrEmpty(type.MediaSubtype));
        }
    }

    [Fact]
    public void Thousands_of_parameters_are_capped()
    {
        var raw = "text/plain" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"; p{i}=v"));

        var type = Parse(raw, out var malformed);

        Assert.Equal("v", type.Parameters["p0"]);
        Assert.True(type.Parameters.Count <= 64);
        Assert.True(malformed);
    }

    private static ContentType Parse(string raw, out bool malformed) => Parse(raw, null, out malformed);

    private static ContentType Parse(string raw, string? fallbackCharset, out bool malformed) =>
        ContentType.Parse(Encoding.UTF8.GetBytes(raw), fallbackCharset, out malformed);
}
