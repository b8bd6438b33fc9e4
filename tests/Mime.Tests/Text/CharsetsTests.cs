using System.Text;
using MailTicketing.Mime.Text;

namespace MailTicketing.Mime.Tests.Text;

public class CharsetsTests
{
    [Theory]
    [InlineData("gb2312")]
    [InlineData("GBK")]
    [InlineData("x-gbk")]
    [InlineData("cp936")]
    [InlineData("euc-cn")]
    [InlineData("gb18030")]
    [InlineData("iso-gb2312")]
    [InlineData("\"gb2312\"")]
    public void Chinese_labels_all_decode_as_gb18030(string label)
    {
        var encoding = Charsets.Find(label);

        Assert.NotNull(encoding);
        Assert.Equal(54936, encoding.CodePage);
        Assert.Equal("中文", encoding.GetString([0xD6, 0xD0, 0xCE, 0xC4]));
    }

    [Fact]
    public void Gb2312_label_decodes_gbk_only_characters()
    {
        // 镕 and 喆 are GBK characters that GB2312 lacks; mail labelled gb2312 uses them.
        var result = Charsets.Decode([0xD6, 0xEC, 0xE9, 0x46, 0xBB, 0xF9, 0x86, 0xB4], "gb2312");

        Assert.Equal("朱镕基喆", result.Text);
        Assert.Equal("gb18030", result.Charset);
        Assert.Equal(CharsetFallback.None, result.Fallback);
    }

    [Theory]
    [InlineData("big5")]
    [InlineData("Big5-HKSCS")]
    [InlineData("x-big5")]
    [InlineData("cp950")]
    public void Big5_labels_decode_traditional_chinese(string label) =>
        Assert.Equal("中文", Charsets.Find(label)!.GetString([0xA4, 0xA4, 0xA4, 0xE5]));

    [Theory]
    [InlineData("shift_jis")]
    [InlineData("sjis")]
    [InlineData("x-sjis")]
    [InlineData("MS_Kanji")]
    [InlineData("cp932")]
    [InlineData("windows-31j")]
    public void Shift_jis_labels_decode_japanese(string label) =>
        Assert.Equal("日本", Charsets.Find(label)!.GetString([0x93, 0xFA, 0x96, 0x7B]));

    [Theory]
    [InlineData("euc-kr")]
    [InlineData("ks_c_5601-1987")]
    [InlineData("KS_C_5601")]
    [InlineData("cp949")]
    public void Korean_labels_decode_hangul(string label) =>
        Assert.Equal("한국", Charsets.Find(label)!.GetString([0xC7, 0xD1, 0xB1, 0xB9]));

    [Theory]
    [InlineData("koi8-r")]
    [InlineData("KOI8_R")]
    public void Koi8_labels_decode_cyrillic(string label) =>
        Assert.Equal("Привет", Charsets.Find(label)!.GetString([0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]));

    [Theory]
    [InlineData("euc-jp", "日本語のテキスト")]
    [InlineData("iso-2022-jp", "日本語のテキスト")]
    [InlineData("ISO-2022-JP-2", "日本語のテキスト")]
    [InlineData("koi8-u", "Привіт світ")]
    [InlineData("windows-1251", "Привет мир")]
    [InlineData("cp1251", "Привет мир")]
    [InlineData("iso-8859-5", "Привет мир")]
    [InlineData("windows-874", "ภาษาไทย")]
    [InlineData("tis-620", "ภาษาไทย")]
    [InlineData("iso-8859-2", "Příliš žluťoučký kůň")]
    [InlineData("iso8859-7", "Καλημέρα")]
    public void Family_labels_round_trip_their_script(string label, string sample)
    {
        var encoding = Charsets.Find(label);

        Assert.NotNull(encoding);
        var bytes = encoding.GetBytes(sample);
        Assert.Equal(sample, Charsets.Decode(bytes, label).Text);
    }

    [Theory]
    [InlineData("latin1")]
    [InlineData("l1")]
    [InlineData("iso-8859-1")]
    [InlineData("ISO8859-1")]
    [InlineData("iso_8859-1")]
    [InlineData("iso_8859-1:1987")]
    [InlineData("windows-1252")]
    [InlineData("cp1252")]
    [InlineData("x-cp1252")]
    public void Latin_labels_decode_western_text_and_windows_quotes(string label)
    {
        // 0x93/0x94 are curly quotes in windows-1252; "iso-8859-1" mail uses them too.
        var result = Charsets.Decode([0x93, (byte)'C', (byte)'a', (byte)'f', 0xE9, 0x94], label);

        Assert.Equal("\u201CCafé\u201D", result.Text);
        Assert.Equal(CharsetFallback.None, result.Fallback);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("UTF8")]
    [InlineData("uft-8")]
    [InlineData("utf-8;")]
    [InlineData(" \"utf-8\" ")]
    [InlineData("unicode-1-1-utf-8")]
    [InlineData("3D\"utf-8\"")]
    [InlineData("charset=utf-8")]
    public void Utf8_labels_with_typos_and_junk_resolve_to_utf8(string label) =>
        Assert.Equal(65001, Charsets.Find(label)!.CodePage);

    [Theory]
    [InlineData("utf-7")]
    [InlineData("unicode-1-1-utf-7")]
    public void Utf7_labels_decode_rfc2152_text(string label) =>
        Assert.Equal("Hi Mom -☺-! 日本語", Charsets.Decode("Hi Mom -+Jjo--! +ZeVnLIqe-"u8, label).Text);

    [Theory]
    [InlineData("us-ascii")]
    [InlineData("ascii")]
    [InlineData("ANSI_X3.4-1968")]
    public void Ascii_labels_read_eight_bit_utf8_instead_of_dropping_it(string label)
    {
        var result = Charsets.Decode("naïve 中文"u8, label);

        Assert.Equal("naïve 中文", result.Text);
        Assert.Equal("utf-8", result.Charset);
        Assert.Equal(CharsetFallback.DeclaredCharsetWrong, result.Fallback);
    }

    [Theory]
    [InlineData("x-unknown")]
    [InlineData("unknown-8bit")]
    [InlineData("x-user-defined")]
    [InlineData("fakescii")]
    [InlineData("cp99999")]
    [InlineData("iso-8859-99")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_labels_have_no_encoding(string? label) => Assert.Null(Charsets.Find(label));

    [Fact]
    public void Pure_ascii_under_a_known_label_is_used_as_is()
    {
        var result = Charsets.Decode("Order 12345"u8, "iso-8859-1");

        Assert.Equal(new DecodedText("Order 12345", "windows-1252", CharsetFallback.None), result);
    }

    [Fact]
    public void Latin1_label_on_utf8_bytes_is_reported_wrong_and_decoded_as_utf8()
    {
        var result = Charsets.Decode("Crème brûlée"u8, "iso-8859-1");

        Assert.Equal(new DecodedText("Crème brûlée", "utf-8", CharsetFallback.DeclaredCharsetWrong), result);
    }

    [Fact]
    public void Latin1_label_on_gbk_bytes_is_reported_wrong_and_decoded_as_gb18030()
    {
        var bytes = Gb("您好，请问我的账户被冻结了怎么办？订单号 12345");

        var result = Charsets.Decode(bytes, "iso-8859-1");

        Assert.Equal("您好，请问我的账户被冻结了怎么办？订单号 12345", result.Text);
        Assert.Equal("gb18030", result.Charset);
        Assert.Equal(CharsetFallback.DeclaredCharsetWrong, result.Fallback);
    }

    [Fact]
    public void Latin1_label_on_real_western_text_is_kept()
    {
        var bytes = Charsets.Find("windows-1252")!.GetBytes("Grüße aus München, à bientôt, señor");

        var result = Charsets.Decode(bytes, "iso-8859-1");

        Assert.Equal("Grüße aus München, à bientôt, señor", result.Text);
        Assert.Equal(CharsetFallback.None, result.Fallback);
    }

    [Fact]
    public void Gb2312_label_on_utf8_chinese_is_reported_wrong()
    {
        var result = Charsets.Decode("测试邮件"u8, "gb2312");

        Assert.Equal(new DecodedText("测试邮件", "utf-8", CharsetFallback.DeclaredCharsetWrong), result);
    }

    [Fact]
    public void Utf8_label_on_gbk_bytes_is_guessed_as_gb18030()
    {
        var result = Charsets.Decode(Gb("请尽快处理我的提币问题"), "utf-8");

        Assert.Equal(new DecodedText("请尽快处理我的提币问题", "gb18030", CharsetFallback.DeclaredCharsetWrong), result);
    }

    [Fact]
    public void Utf8_with_one_broken_byte_stays_utf8()
    {
        byte[] bytes = [.. "您好，我的账户无法登录，请帮助我"u8, 0xE4, .. "谢谢"u8];

        var result = Charsets.Decode(bytes, "utf-8");

        Assert.Equal("utf-8", result.Charset);
        Assert.Equal(CharsetFallback.None, result.Fallback);
        Assert.Equal("您好，我的账户无法登录，请帮助我\uFFFD谢谢", result.Text);
    }

    [Theory]
    [InlineData("Grüße aus München ", "FC", "Grüße aus München \uFFFD")]
    [InlineData("yötä vaan.\n", "8A09", "yötä vaan.\n\uFFFD\t")]
    [InlineData("你好世界 ", "FFFE", "你好世界 \uFFFD\uFFFD")]
    [InlineData("Thanks 👍 see you", "9273", "Thanks 👍 see you\uFFFDs")]
    public void Utf8_label_on_short_text_with_a_few_broken_bytes_stays_utf8(string valid, string brokenHex, string expected)
    {
        // These used to come out as windows-1252 or GB18030, every correct character turned to mojibake.
        byte[] bytes = [.. Encoding.UTF8.GetBytes(valid), .. Convert.FromHexString(brokenHex)];

        var result = Charsets.Decode(bytes, "utf-8");

        Assert.Equal(new DecodedText(expected, "utf-8", CharsetFallback.None), result);
    }

    [Fact]
    public void Utf8_label_on_text_cut_inside_a_sequence_stays_utf8()
    {
        byte[] bytes = [.. "Café crème brûlée: 5 "u8, 0xE2, 0x82];

        var result = Charsets.Decode(bytes, "utf-8");

        Assert.Equal(new DecodedText("Café crème brûlée: 5 \uFFFD", "utf-8", CharsetFallback.None), result);
    }

    [Fact]
    public void Utf8_label_on_long_text_with_broken_bytes_under_two_percent_stays_utf8()
    {
        var line = "Ihre Bestellung für Größe M wurde geändert.\n"u8.ToArray();
        var bytes = new List<byte>();
        for (var i = 0; i < 20; i++)
        {
            bytes.AddRange(line);
            if (i % 4 == 0)
            {
                bytes.AddRange([0xE4, (byte)' ']);
            }
        }

        var result = Charsets.Decode(bytes.ToArray(), "utf-8");

        Assert.Equal("utf-8", result.Charset);
        Assert.Equal(CharsetFallback.None, result.Fallback);
        Assert.Equal(5, result.Text.Count(c => c == '\uFFFD'));
        Assert.Contains("Größe M wurde geändert", result.Text);
    }

    [Fact]
    public void Utf8_label_on_latin1_text_with_one_utf8_sequence_is_still_guessed()
    {
        // Mostly windows-1252 umlauts with one real UTF-8 quote: the label is what is wrong.
        var latin = Encoding.Latin1.GetBytes("Grüße aus München, schöne Grüße, Ihr Jürgen Müller ");
        byte[] bytes = [.. latin, .. "’"u8];

        var result = Charsets.Decode(bytes, "utf-8");

        Assert.Equal("windows-1252", result.Charset);
        Assert.Equal(CharsetFallback.DeclaredCharsetWrong, result.Fallback);
        Assert.StartsWith("Grüße aus München", result.Text);
    }

    [Fact]
    public void Utf8_label_on_ascii_text_with_a_few_gbk_characters_is_still_guessed()
    {
        byte[] bytes = [.. "Order 1234: "u8, .. Gb("请尽快处理"), .. " thanks"u8];

        var result = Charsets.Decode(bytes, "utf-8");

        Assert.Equal(new DecodedText("Order 1234: 请尽快处理 thanks", "gb18030", CharsetFallback.DeclaredCharsetWrong), result);
    }

    [Fact]
    public void Unknown_label_on_valid_utf8_uses_utf8()
    {
        var result = Charsets.Decode("你好"u8, "x-unknown");

        Assert.Equal(new DecodedText("你好", "utf-8", CharsetFallback.UnknownCharset), result);
    }

    [Fact]
    public void Unknown_label_on_gbk_is_guessed()
    {
        var result = Charsets.Decode(Gb("您好，请问我的账户被冻结了怎么办"), "fakescii");

        Assert.Equal(new DecodedText("您好，请问我的账户被冻结了怎么办", "gb18030", CharsetFallback.UnknownCharset), result);
    }

    [Theory]
    [InlineData("gb18030", "您好，请问我的账户被冻结了怎么办？")]
    [InlineData("big5", "您好，請問我的帳戶被凍結了怎麼辦？")]
    [InlineData("shift_jis", "お問い合わせありがとうございます。担当者から連絡します。")]
    [InlineData("euc-kr", "안녕하세요. 계좌 확인 부탁드립니다. 감사합니다.")]
    [InlineData("windows-1252", "Café crème, naïve façade — déjà vu")]
    public void Undeclared_eight_bit_text_is_guessed(string charset, string sample)
    {
        var bytes = Charsets.Find(charset)!.GetBytes(sample);

        var result = Charsets.Decode(bytes, null);

        Assert.Equal(new DecodedText(sample, charset, CharsetFallback.Undeclared), result);
    }

    [Theory]
    [InlineData("gb18030", "张伟")]
    [InlineData("gb18030", "朱镕基")]
    [InlineData("gb18030", "陈喆")]
    [InlineData("gb18030", "截图.png")]
    [InlineData("big5", "陳大文")]
    [InlineData("shift_jis", "駅北口")]
    [InlineData("euc-kr", "김철수")]
    [InlineData("windows-1252", "Rückerstattung")]
    [InlineData("windows-1252", "Straße 5")]
    [InlineData("windows-1252", "Søren")]
    [InlineData("windows-1252", "€5")]
    public void Undeclared_short_names_are_guessed(string charset, string sample)
    {
        var result = Charsets.Decode(Charsets.Find(charset)!.GetBytes(sample), null);

        Assert.Equal(sample, result.Text);
    }

    [Fact]
    public void Undeclared_ascii_and_utf8_are_utf8()
    {
        Assert.Equal(new DecodedText("plain", "utf-8", CharsetFallback.Undeclared), Charsets.Decode("plain"u8, null));
        Assert.Equal(new DecodedText("中文", "utf-8", CharsetFallback.Undeclared), Charsets.Decode("中文"u8, " "));
    }

    [Fact]
    public void Undeclared_seven_bit_iso_2022_jp_is_recognised()
    {
        var bytes = Charsets.Find("iso-2022-jp")!.GetBytes("日本語");

        Assert.Equal("日本語", Charsets.Decode(bytes, null).Text);
    }

    [Fact]
    public void Utf8_byte_order_mark_is_dropped()
    {
        Assert.Equal("abc", Charsets.Decode([0xEF, 0xBB, 0xBF, (byte)'a', (byte)'b', (byte)'c'], "utf-8").Text);
    }

    [Fact]
    public void Utf16_byte_order_mark_overrides_the_label()
    {
        byte[] bytes = [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("中文")];

        Assert.Equal("中文", Charsets.Decode(bytes, "utf-16").Text);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("gb2312")]
    [InlineData("big5")]
    [InlineData("iso-2022-jp")]
    [InlineData("utf-7")]
    [InlineData("utf-16")]
    [InlineData("iso-8859-1")]
    [InlineData("x-unknown")]
    [InlineData(null)]
    public void Random_bytes_never_throw(string? label)
    {
        var random = new Random(2047);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);

            var result = Charsets.Decode(bytes, label);

            Assert.NotNull(result.Text);
            Assert.NotNull(result.Charset);
        }
    }

    private static byte[] Gb(string text) => Charsets.Find("gb18030")!.GetBytes(text);
}
