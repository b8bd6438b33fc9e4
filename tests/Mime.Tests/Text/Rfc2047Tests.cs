using System.Diagnostics;
using System.Text;
using MailTicketing.Mime.Text;

namespace MailTicketing.Mime.Tests.Text;

public class Rfc2047Tests
{
    [Fact]
    public void Plain_ascii_is_returned_as_is()
    {
        Assert.Equal("Re: Order 12345 not credited", Rfc2047.DecodeText("Re: Order 12345 not credited"u8));
    }

    [Fact]
    public void Leading_and_trailing_whitespace_is_trimmed()
    {
        Assert.Equal("Hello", Rfc2047.DecodeText(" Hello\r\n"u8));
    }

    [Fact]
    public void Gb2312_subject_with_gbk_only_characters_decodes()
    {
        // zammad mail031: labelled GB2312 but uses traditional characters only GBK has.
        var raw = "=?GB2312?B?g8iRqsGmrmHJ+tPr16LL3Lmk0tXM9bz+1q685LXEudjPtaO7?="u8;

        Assert.Equal("內應力產生与注塑工艺条件之间的关系；", Rfc2047.DecodeText(raw));
    }

    [Fact]
    public void Gb2312_character_split_across_adjacent_base64_words_is_joined()
    {
        // "发现最美车间主任" in GB2312 is 16 bytes; cut after byte 5, in the middle of 最.
        var bytes = Convert.FromBase64String("t6LP1tfuw8Cztbzk1vfIzg==");
        var raw = $"=?gb2312?B?{Convert.ToBase64String(bytes[..5])}?=\r\n =?GB2312?B?{Convert.ToBase64String(bytes[5..])}?=";

        Assert.Equal("发现最美车间主任", Rfc2047.DecodeText(Encoding.ASCII.GetBytes(raw)));
    }

    [Fact]
    public void Utf8_character_split_across_b_and_q_words_is_joined()
    {
        // 中 is E4 B8 AD: the first word carries two of its bytes, the second the last one.
        Assert.Equal("中文", Rfc2047.DecodeText("=?utf-8?B?5Lg=?= =?UTF-8?Q?=AD=E6=96=87?="u8));
    }

    [Fact]
    public void Q_encoding_underscores_are_spaces()
    {
        Assert.Equal("this is some text", Rfc2047.DecodeText("=?iso-8859-1?q?this=20is_some_text?="u8));
    }

    [Fact]
    public void Base64_without_padding_decodes()
    {
        Assert.Equal("ab", Rfc2047.DecodeText("=?utf-8?B?YWI?="u8));
    }

    [Fact]
    public void Whitespace_between_encoded_words_is_dropped_but_kept_next_to_text()
    {
        Assert.Equal("ab c d", Rfc2047.DecodeText("=?utf-8?q?a?=  =?utf-8?q?b?= c =?utf-8?q?d?="u8));
    }

    [Fact]
    public void Adjacent_words_in_different_charsets_are_decoded_separately()
    {
        Assert.Equal("café中", Rfc2047.DecodeText("=?iso-8859-1?q?caf=E9?= =?utf-8?b?5Lit?="u8));
    }

    [Fact]
    public void Language_suffix_on_the_charset_is_ignored()
    {
        Assert.Equal("Hello", Rfc2047.DecodeText("=?utf-8*en-us?q?Hello?="u8));
    }

    [Fact]
    public void Encoded_word_inside_a_word_is_decoded_in_text()
    {
        Assert.Equal("abcxdef", Rfc2047.DecodeText("abc=?utf-8?q?x?=def"u8));
    }

    [Fact]
    public void Q_word_with_spaces_inside_is_decoded()
    {
        Assert.Equal("a b", Rfc2047.DecodeText("=?utf-8?q?a b?="u8));
    }

    [Theory]
    [InlineData("=?utf-8?X?abc?=")]
    [InlineData("=?utf-8?q?unterminated")]
    [InlineData("=??q?abc?=")]
    [InlineData("=?*en?q?abc?=")]
    [InlineData("=?utf-8?q")]
    [InlineData("=?")]
    [InlineData("a =? b ?= c")]
    public void Broken_words_are_kept_as_literal_text(string raw)
    {
        Assert.Equal(raw, Rfc2047.DecodeText(Encoding.ASCII.GetBytes(raw)));
    }

    [Fact]
    public void Unterminated_word_before_a_good_one_does_not_swallow_it()
    {
        Assert.Equal("=?utf-8?q?abc x", Rfc2047.DecodeText("=?utf-8?q?abc =?utf-8?q?x?="u8));
    }

    [Fact]
    public void Unknown_charset_with_utf8_payload_decodes_as_utf8()
    {
        Assert.Equal("中文", Rfc2047.DecodeText("=?x-unknown?B?5Lit5paH?="u8));
    }

    [Fact]
    public void Unknown_charset_with_gbk_payload_uses_the_fallback()
    {
        var raw = $"=?bogus?B?{Convert.ToBase64String([0xD6, 0xD0, 0xCE, 0xC4])}?=";

        Assert.Equal("中文", Rfc2047.DecodeText(Encoding.ASCII.GetBytes(raw), "gb2312"));
    }

    [Fact]
    public void Folded_text_is_unfolded_and_the_fold_tab_becomes_a_space()
    {
        Assert.Equal("Hello world again", Rfc2047.DecodeText("Hello\r\n world\n\tagain"u8));
    }

    [Fact]
    public void Encoded_word_folded_in_the_middle_is_still_decoded()
    {
        // zammad mail018: a UTF-7 Q word broken across lines.
        var raw = "Benachrichtung  \n\tzum  \n\t=?unicode-1-1-utf-7?Q?+ANw-bermittlungsstatus  \n\t(Fehlgeschlagen)?="u8;

        Assert.Equal("Benachrichtung   zum   Übermittlungsstatus  \t(Fehlgeschlagen)", Rfc2047.DecodeText(raw));
    }

    [Fact]
    public void Line_break_decoded_from_an_encoded_word_is_trimmed_at_the_ends()
    {
        // zammad mail027: the first word starts with an encoded CRLF.
        var raw = "=?UTF-8?B?DQrooK3pvpXkuK3lsaTnrqHnkIbogIU=?=\r\n =?UTF-8?B?5aaC5L2V6YG/5YWN6KeS6Imy6KGM5Li66Kqk5Yy6?="u8;

        Assert.Equal("蠭龕中層管理者如何避免角色行为誤区", Rfc2047.DecodeText(raw));
    }

    [Fact]
    public void Truncated_raw_utf8_stays_utf8()
    {
        // flanker russian-attachment-yahoo.eml: the mailer cut the name inside a character.
        byte[] raw = [.. "Картинка с очень, очень длинным именем"u8, 0xD0];

        Assert.Equal("Картинка с очень, очень длинным именем\uFFFD", Rfc2047.DecodeText(raw));
    }

    [Fact]
    public void Broken_fold_without_whitespace_still_separates_words()
    {
        Assert.Equal("Hello world", Rfc2047.DecodeText("Hello\r\nworld"u8));
    }

    [Fact]
    public void Raw_utf8_header_bytes_decode_as_utf8()
    {
        Assert.Equal("回复: 提币未到账", Rfc2047.DecodeText("回复: 提币未到账"u8, "iso-8859-1"));
    }

    [Fact]
    public void Raw_gbk_header_bytes_use_the_fallback_charset()
    {
        var raw = Charsets.Find("gbk")!.GetBytes("回复: 朱镕基的账户");

        Assert.Equal("回复: 朱镕基的账户", Rfc2047.DecodeText(raw, "gb2312"));
    }

    [Fact]
    public void Raw_gbk_header_bytes_without_fallback_are_guessed()
    {
        var raw = Charsets.Find("gbk")!.GetBytes("您好，请问我的账户被冻结了怎么办");

        Assert.Equal("您好，请问我的账户被冻结了怎么办", Rfc2047.DecodeText(raw));
    }

    [Fact]
    public void Raw_eight_bit_text_and_encoded_words_mix()
    {
        Assert.Equal("回复: 中文 ok", Rfc2047.DecodeText("回复: =?utf-8?B?5Lit5paH?= ok"u8));
    }

    [Fact]
    public void Iso_2022_jp_words_decode()
    {
        // mikel-mail fixtures: ISO-2022-JP subjects are B-encoded escape sequences.
        var bytes = Charsets.Find("iso-2022-jp")!.GetBytes("日本語の件名");
        var raw = $"=?ISO-2022-JP?B?{Convert.ToBase64String(bytes)}?=";

        Assert.Equal("日本語の件名", Rfc2047.DecodeText(Encoding.ASCII.GetBytes(raw)));
    }

    [Fact]
    public void Iso_2022_jp_label_on_shift_jis_bytes_is_guessed()
    {
        // zammad mail093: the words say ISO-2022-JP, the bytes are Shift_JIS.
        Assert.Equal("駅北口", Rfc2047.DecodePhrase("=?ISO-2022-JP?B?iXeWa4z7IA==?="u8));
        Assert.Equal("ツール EXAMPLE", Rfc2047.DecodePhrase("=?ISO-2022-JP?B?g2OBW4OLIEVYQU1QTEU=?="u8));
    }

    [Fact]
    public void Phrase_unquotes_and_collapses_whitespace()
    {
        Assert.Equal("John Q. Public", Rfc2047.DecodePhrase("John   \"Q.\"\r\n  Public"u8));
        Assert.Equal("Smith, John", Rfc2047.DecodePhrase("\"Smith, John\""u8));
    }

    [Fact]
    public void Phrase_handles_backslash_escapes_in_quotes()
    {
        Assert.Equal("a \"b\" c\\d", Rfc2047.DecodePhrase("\"a \\\"b\\\" c\\\\d\""u8));
    }

    [Fact]
    public void Phrase_with_unterminated_quote_keeps_the_rest()
    {
        Assert.Equal("Bob Smith", Rfc2047.DecodePhrase("\"Bob Smith"u8));
    }

    [Fact]
    public void Phrase_decodes_outlook_encoded_word_inside_quotes()
    {
        Assert.Equal("张三", Rfc2047.DecodePhrase("\"=?utf-8?B?5byg5LiJ?=\""u8));
    }

    [Fact]
    public void Phrase_decodes_gb2312_display_name_with_ideographic_space()
    {
        // zammad mail031 From: the display name keeps its U+3000.
        Assert.Equal("bertha\u3000mou", Rfc2047.DecodePhrase("=?GB2312?B?YmVydGhhoaFtb3U=?="u8));
    }

    [Fact]
    public void Phrase_joins_encoded_words_and_keeps_space_before_text()
    {
        Assert.Equal("中文 Support", Rfc2047.DecodePhrase("=?utf-8?B?5Lit?=\r\n =?utf-8?B?5paH?= Support"u8));
    }

    [Fact]
    public void Phrase_decodes_encoded_word_glued_to_text()
    {
        Assert.Equal("Dr.张", Rfc2047.DecodePhrase("Dr.=?utf-8?B?5byg?="u8));
    }

    [Fact]
    public void Phrase_with_raw_gbk_uses_fallback()
    {
        var raw = Charsets.Find("gbk")!.GetBytes("\"王喆\"");

        Assert.Equal("王喆", Rfc2047.DecodePhrase(raw, "gb2312"));
    }

    [Fact]
    public void Hostile_run_of_unterminated_words_is_fast_and_literal()
    {
        var literal = string.Concat(Enumerable.Repeat("=?utf-8?q?a ", 20_000)).TrimEnd();
        var watch = Stopwatch.StartNew();

        var text = Rfc2047.DecodeText(Encoding.ASCII.GetBytes(literal));

        Assert.Equal(literal, text);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(2231);
        var pieces = new[] { "=?", "?=", "?B?", "?Q?", "utf-8", "gb2312", "\"", "\\", " ", "\r\n", "_", "=E4", "5Lit" };
        for (var i = 0; i < 500; i++)
        {
            var builder = new List<byte>();
            for (var j = random.Next(0, 20); j > 0; j--)
            {
                if (random.Next(3) == 0)
                {
                    builder.Add((byte)random.Next(256));
                }
                else
                {
                    builder.AddRange(Encoding.ASCII.GetBytes(pieces[random.Next(pieces.Length)]));
                }
            }

            Assert.NotNull(Rfc2047.DecodeText(builder.ToArray(), "gb2312"));
            Assert.NotNull(Rfc2047.DecodePhrase(builder.ToArray()));
        }
    }
}
