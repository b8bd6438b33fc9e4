using MailTicketing.Imap.Protocol;

namespace MailTicketing.Imap.Tests.Protocol;

public sealed class ModifiedUtf7Tests
{
    [Theory]
    [InlineData("INBOX", "INBOX")]
    [InlineData("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-")]
    [InlineData("Tom & Jerry", "Tom &- Jerry")]
    [InlineData("已处理", "&XfJZBHQG-")]
    [InlineData("tab\there", "tab&AAk-here")]
    [InlineData("😀 emoji", "&2D3eAA- emoji")]
    public void Names_encode_as_rfc_3501_shows_and_decode_back(string name, string encoded)
    {
        Assert.Equal(encoded, ModifiedUtf7.Encode(name));
        Assert.Equal(name, ModifiedUtf7.Decode(encoded));
    }

    [Theory]
    [InlineData("&U,BTFw")]
    [InlineData("&U/BTFw-")]
    [InlineData("&!!!-")]
    [InlineData("&AA-")]
    [InlineData("caf\u00e9")]
    public void Malformed_names_are_not_decoded_and_come_back_as_they_came(string encoded)
    {
        Assert.False(ModifiedUtf7.TryDecode(encoded, out _));
        Assert.Equal(encoded, ModifiedUtf7.Decode(encoded));
    }

    [Fact]
    public void Any_string_survives_a_round_trip()
    {
        var random = new Random(3501);
        for (var i = 0; i < 500; i++)
        {
            var chars = new char[random.Next(0, 20)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = (char)random.Next(1, 0xD7FF);
            }

            var name = new string(chars);
            var encoded = ModifiedUtf7.Encode(name);
            Assert.All(encoded, c => Assert.InRange(c, ' ', '~'));
            Assert.Equal(name, ModifiedUtf7.Decode(encoded));
        }
    }
}
