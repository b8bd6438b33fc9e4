using MailTicketing.Tickets.Threading;

namespace MailTicketing.Tickets.Tests.Threading;

public sealed class TextFingerprintTests
{
    // Found by the fuzzer (tests/Fuzz.Tests): decoded text with a lone surrogate made
    // string.Normalize throw, and the message was never ingested.
    [Theory]
    [InlineData("my deposit of 0.5 BTC has not arrived \ud800 please check the transaction")]
    [InlineData("\udc00my deposit of 0.5 BTC has not arrived please check the transaction\ud83d")]
    public void Text_with_a_lone_surrogate_is_fingerprinted_like_the_same_text_without_it(string text)
    {
        var clean = text.Replace("\ud800", "", StringComparison.Ordinal).Replace("\udc00", "", StringComparison.Ordinal).Replace("\ud83d", "", StringComparison.Ordinal);

        Assert.Equal(TextFingerprint.Normalize(clean), TextFingerprint.Normalize(text));
        Assert.NotEqual(0, TextFingerprint.Compute(text));
        Assert.True(TextFingerprint.AreNearDuplicates(TextFingerprint.Compute(clean), TextFingerprint.Compute(text)));
    }

    [Fact]
    public void Text_with_emoji_keeps_its_surrogate_pairs()
    {
        Assert.Equal("mydeposithasnotarrivedpleasecheck", TextFingerprint.Normalize("My deposit 🙂 has not arrived, please check!"));
    }
}
