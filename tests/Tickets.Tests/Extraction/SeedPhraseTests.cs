using MailTicketing.Tickets.Extraction;

namespace MailTicketing.Tickets.Tests.Extraction;

public class SeedPhraseTests
{
    private const string Twelve = "card mom cricket mail advice monkey wild example judge credit inch high";

    private const string TwentyFour =
        "visit travel rent bring image purpose feed jealous soul gain near license recall eternal chaos noise cigar window potato sister swear unveil wheel enable";

    private static SecretScanResult Scan(string body) => SecretScanner.Redact(null, body);

    [Fact]
    public void Twelve_words_on_one_line_are_redacted()
    {
        var result = Scan($"Someone asked for my recovery phrase and I sent it: {Twelve}. Was that you?");

        Assert.Equal("Someone asked for my recovery phrase and I sent it: [REDACTED:seed-phrase]. Was that you?", result.Body);
        Assert.Equal([new SecretFinding(SecretKind.SeedPhrase, false)], result.Findings);
    }

    [Fact]
    public void Numbered_phrase_is_redacted()
    {
        string numbered = string.Join(" ", Twelve.Split(' ').Select((w, i) => $"{i + 1}. {w}"));

        var result = Scan($"My words:\n{numbered}\nPlease restore my wallet.");

        Assert.Equal("My words:\n1. [REDACTED:seed-phrase]\nPlease restore my wallet.", result.Body);
    }

    [Fact]
    public void Comma_separated_capitalised_phrase_is_redacted()
    {
        string commas = string.Join(", ", Twelve.Split(' ').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

        var result = Scan($"助记词：{commas}。");

        Assert.Equal("助记词：[REDACTED:seed-phrase]。", result.Body);
    }

    [Fact]
    public void Phrase_across_lines_is_redacted_whole()
    {
        string lines = string.Join("\n", TwentyFour.Split(' ').Chunk(4).Select(c => string.Join(" ", c)));

        var result = Scan($"Here:\n{lines}\n\nThanks");

        Assert.Equal("Here:\n[REDACTED:seed-phrase]\n\nThanks", result.Body);
    }

    [Fact]
    public void Numbered_list_one_word_per_line_is_redacted()
    {
        string list = string.Join("\n", TwentyFour.Split(' ').Select((w, i) => $"{i + 1:00}) {w}"));

        var result = Scan(list);

        Assert.Equal("01) [REDACTED:seed-phrase]", result.Body);
    }

    [Fact]
    public void One_misspelt_word_in_twelve_is_still_redacted()
    {
        string typo = Twelve.Replace("cricket", "crikcet").Replace("monkey", "monkey"); // one typo

        var result = Scan($"seed: {typo}");

        Assert.Equal("seed: [REDACTED:seed-phrase]", result.Body);
    }

    [Fact]
    public void Misspelt_first_word_is_redacted_with_the_rest()
    {
        var result = Scan("words: " + Twelve.Replace("card", "cardd"));

        Assert.Equal("words: [REDACTED:seed-phrase]", result.Body);
    }

    [Fact]
    public void Eleven_list_words_are_not_a_phrase()
    {
        string eleven = string.Join(" ", Twelve.Split(' ').Take(11));

        var result = Scan($"Is this enough? {eleven}");

        Assert.False(result.HasSecrets);
    }

    [Fact]
    public void Two_unknown_words_in_twelve_break_the_phrase()
    {
        var result = Scan("card mom cricket mail advice xylograph wild example judge qwertyuiop inch high");

        Assert.False(result.HasSecrets);
    }

    [Theory]
    [InlineData("I need to abandon this account because of my ability to trade is limited; please help.")]
    [InlineData("Please help me, I cannot access my account after the update. The app shows an error when I try to log in, and the support chat is not available. I have been waiting for three days and my funds are locked.")]
    [InlineData("Dear support team, I would like to ask about the withdrawal of my bitcoin. The transaction was sent yesterday morning but the balance on my wallet still shows zero. Could you please check the status and let me know when it will arrive? Thank you for your help, best regards.")]
    [InlineData("We found a critical security issue in your mobile app: the session token is stored in plain text, so any other app with file access can read it and take over the account. Steps to reproduce are attached. Please confirm receipt.")]
    [InlineData("Hello, my wallet address changed after the app update and now I cannot find the deposit I made last week. Please check my account balance again, I will wait for your answer. Thank you.")]
    [InlineData("Keep the recovery phrase offline, never share it with anyone, and make sure the seed is written on paper in a safe place; support will never ask for it.")]
    [InlineData("The quick brown fox jumps over the lazy dog while the cat sleeps in the warm sun near the old barn and the farmer drives his tractor across the field.")]
    public void Ordinary_prose_is_not_a_phrase(string prose)
    {
        var result = Scan(prose);

        Assert.False(result.HasSecrets);
        Assert.Equal(prose, result.Body);
    }

    [Fact]
    public void Dense_list_words_broken_by_ordinary_words_are_not_a_phrase()
    {
        // Twelve or more list words, but never eleven of twelve in a row.
        const string text = "Above all, always ask the agent about my account, access to the address, and the amount I want to add again.";

        Assert.False(Scan(text).HasSecrets);
    }

    [Fact]
    public void Chinese_phrase_of_spaced_list_characters_is_redacted()
    {
        var result = Scan("我的助记词是 满 悲 涂 趣 疑 局 饲 纳 璃 必 市 拆 ，请帮我找回");

        Assert.Equal("我的助记词是 [REDACTED:seed-phrase] ，请帮我找回", result.Body);
    }

    [Fact]
    public void Unspaced_run_of_list_characters_is_not_a_phrase()
    {
        // The Chinese list holds the most common characters; written together they are just text.
        const string text = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机";

        Assert.False(Scan(text).HasSecrets);
    }

    [Fact]
    public void Ordinary_chinese_text_is_not_a_phrase()
    {
        const string text = "您好，我在三月十八日从贵平台提现一千二百五十个泰达币，到现在还没有到账。我的账户是正常的，请尽快帮我查询，谢谢！";

        Assert.False(Scan(text).HasSecrets);
    }

    [Fact]
    public void Eleven_spaced_chinese_characters_are_not_a_phrase()
    {
        Assert.False(Scan("满 悲 涂 趣 疑 局 饲 纳 璃 必 市").HasSecrets);
    }
}
