using MailTicketing.Mime.Writing;

namespace MailTicketing.Mime.Tests.Writing;

public class EncodedWordTests
{
    private const string LongChineseSubject =
        "【工单 SUP-000123】您好，我们已经收到您关于充值未到账的问题，客服人员将在二十四小时内回复您，请勿向任何人透露您的密码、私钥或助记词。🚀🔐";

    [Fact]
    public void Long_chinese_subject_becomes_several_short_words_that_each_decode_alone()
    {
        var bytes = MessageWriter.ToBytes(TestMessages.Minimal(LongChineseSubject));
        var lines = Wire.FieldLines(bytes, "Subject");
        var words = lines.SelectMany(l => Wire.EncodedWords(l)).Select(m => m.Value).ToList();

        Assert.True(words.Count >= 4);
        Assert.All(words, w => Assert.True(w.Length <= 75, w));
        Assert.All(lines, l => Assert.True(l.Length <= 78, l));

        // Each word is valid UTF-8 on its own: no character was split between two words.
        var decoded = words.Select(Wire.DecodeWord).ToList();
        Assert.Contains(decoded, d => d.Contains("🚀", StringComparison.Ordinal));
        Assert.Equal(LongChineseSubject, Wire.DecodeField(bytes, "Subject"));
    }

    [Fact]
    public void Only_the_words_that_need_it_are_encoded_in_a_mixed_subject()
    {
        var bytes = MessageWriter.ToBytes(TestMessages.Minimal("Re: [SUP-000123] 充值未到账 please check"));
        var raw = string.Concat(Wire.FieldLines(bytes, "Subject"));

        Assert.StartsWith("Subject: Re: [SUP-000123] =?utf-8?B?", raw);
        Assert.EndsWith("?= please check", raw);
        Assert.Equal("Re: [SUP-000123] 充值未到账 please check", Wire.DecodeField(bytes, "Subject"));
    }

    [Fact]
    public void Space_between_two_encoded_words_is_kept_inside_the_encoding()
    {
        var bytes = MessageWriter.ToBytes(TestMessages.Minimal("你好 世界"));

        Assert.Equal("你好 世界", Wire.DecodeField(bytes, "Subject"));
    }

    [Fact]
    public void Emoji_surrogate_pairs_are_never_split_between_words()
    {
        var subject = string.Concat(Enumerable.Repeat("😀", 80));
        var bytes = MessageWriter.ToBytes(TestMessages.Minimal(subject));

        var words = Wire.FieldLines(bytes, "Subject").SelectMany(l => Wire.EncodedWords(l)).Select(m => m.Value).ToList();
        Assert.All(words, w => Assert.True(w.Length <= 75 && Wire.DecodeWord(w).Length % 2 == 0, w));
        Assert.Equal(subject, Wire.DecodeField(bytes, "Subject"));
    }

    [Fact]
    public void Lone_surrogate_is_written_as_a_replacement_character_not_as_broken_utf8()
    {
        var bytes = MessageWriter.ToBytes(TestMessages.Minimal("bad \ud800 char"));

        Assert.Equal("bad \ufffd char", Wire.DecodeField(bytes, "Subject"));
    }

    [Fact]
    public void Chinese_display_name_is_encoded_as_a_whole()
    {
        var message = TestMessages.Minimal();
        message.From = new MailboxAddress("币安客服中心", "support@example.com");
        var bytes = MessageWriter.ToBytes(message);

        var raw = string.Concat(Wire.FieldLines(bytes, "From"));
        Assert.Matches(@"^From: =\?utf-8\?B\?[A-Za-z0-9+/=]+\?= <support@example\.com>$", raw);
        Assert.Equal("币安客服中心 <support@example.com>", Wire.DecodeField(bytes, "From"));
    }

    [Fact]
    public void Long_display_name_uses_the_fewest_full_words_and_decodes_exactly()
    {
        var name = string.Concat(Enumerable.Repeat("客服中心", 6));
        var message = TestMessages.Minimal();
        message.To.Insert(0, new MailboxAddress("Support", "a@example.org"));
        message.To[1] = new MailboxAddress(name, "customer@example.org");
        var bytes = MessageWriter.ToBytes(message);

        var words = Wire.FieldLines(bytes, "To").SelectMany(l => Wire.EncodedWords(l)).Select(m => m.Value).ToList();
        Assert.Equal(2, words.Count);
        Assert.Equal(15, Wire.DecodeWord(words[0]).Length);
        Assert.Equal("Support <a@example.org>, " + name + " <customer@example.org>", Wire.DecodeField(bytes, "To"));
    }

    [Fact]
    public void Short_display_name_moves_to_the_next_line_instead_of_being_split()
    {
        var message = TestMessages.Minimal();
        message.To[0] = new MailboxAddress(null, new string('a', 50) + "@example.org");
        message.To.Add(new MailboxAddress("张三丰", "zhang@example.org"));
        var bytes = MessageWriter.ToBytes(message);

        var lines = Wire.FieldLines(bytes, "To");
        Assert.Equal(2, lines.Length);
        Assert.Single(Wire.EncodedWords(lines[1]));
    }

    [Theory]
    [InlineData("Doe, John", "\"Doe, John\"")]
    [InlineData("John Q. Public", "\"John Q. Public\"")]
    [InlineData("Say \"hi\" \\o/", "\"Say \\\"hi\\\" \\\\o/\"")]
    [InlineData("Plain Name", "Plain Name")]
    [InlineData(" padded\r\n  name\t", "padded name")]
    [InlineData(" Doe,  John ", "\"Doe, John\"")]
    public void Ascii_display_names_are_quoted_only_when_needed(string name, string expected)
    {
        var message = TestMessages.Minimal();
        message.To[0] = new MailboxAddress(name, "customer@example.org");
        var bytes = MessageWriter.ToBytes(message);

        Assert.Equal("To: " + expected + " <customer@example.org>", string.Concat(Wire.FieldLines(bytes, "To")));
    }

    [Fact]
    public void Display_name_that_looks_like_an_encoded_word_is_encoded()
    {
        var message = TestMessages.Minimal();
        message.To[0] = new MailboxAddress("=?utf-8?B?SGk=?=", "customer@example.org");
        var bytes = MessageWriter.ToBytes(message);

        Assert.Equal("=?utf-8?B?SGk=?= <customer@example.org>", Wire.DecodeField(bytes, "To"));
        Assert.DoesNotContain("SGk=?= <", string.Concat(Wire.FieldLines(bytes, "To")));
    }

    [Fact]
    public void Non_ascii_extra_header_value_is_encoded_as_unstructured_text()
    {
        var message = TestMessages.Minimal();
        message.Headers.Add(new OutgoingHeader("X-Ticket-Queue", "客服 queue"));
        var bytes = MessageWriter.ToBytes(message);

        Assert.StartsWith("X-Ticket-Queue: =?utf-8?B?", Wire.FieldLines(bytes, "X-Ticket-Queue")[0]);
        Assert.Equal("客服 queue", Wire.DecodeField(bytes, "X-Ticket-Queue"));
    }

    [Fact]
    public void Very_long_header_name_still_gets_a_decodable_first_word()
    {
        var name = "X-" + new string('N', 74);
        var message = TestMessages.Minimal();
        message.Headers.Add(new OutgoingHeader(name, "中文"));
        var bytes = MessageWriter.ToBytes(message);

        Assert.Equal("中文", Wire.DecodeField(bytes, name));
        Wire.AssertStrict(bytes);
    }
}
