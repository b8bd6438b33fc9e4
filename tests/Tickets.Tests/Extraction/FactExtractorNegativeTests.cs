using MailTicketing.Tickets.Extraction;

namespace MailTicketing.Tickets.Tests.Extraction;

// Things that look like identifiers but are not: none of them may become a UID, a TxID, an
// order id or an address.
public class FactExtractorNegativeTests
{
    [Theory]
    [InlineData("Call me at +86 138 0013 8000 or (555) 123-4567.")]
    [InlineData("我的手机号 13800138000，电话 021-64381234")]
    [InlineData("账号 13800138000 登录不了")] // a mobile number used as the login is not a UID
    [InlineData("It happened on 2024-03-18 at 21:04:05, or 20240318 in your log.")]
    [InlineData("2024年3月18日 21:04 提现")]
    [InlineData("Message-ID: <20240318210405.4f2a@mail.example.cn>")]
    [InlineData("In-Reply-To: <CAF1x9q+7Yh2@mail.example.com> References: <1710767045.123456@mx.example>")]
    [InlineData("write to 36925814@qq.com or lin.xiao@example.cn")]
    [InlineData("我的账号是36925814@qq.com")]
    [InlineData("https://www.example.com/account?uid=36925814&ref=20240318")]
    [InlineData("https://example.com/user/36925814/orders/20240318")]
    [InlineData("login from 203.0.113.25 and 2001:db8::1")]
    [InlineData("Invoice 20240318001 attached, reference 99887766")]
    [InlineData("App version 2.3.14 build 20240318, iOS 17.4.1")]
    [InlineData("I withdrew 12345678 USDT")]
    [InlineData("UID 1000 USDT was deducted")] // an amount after the label, not a UID
    [InlineData("account balance 36925814")]
    [InlineData("order 2024-03-18")] // a date after "order"
    [InlineData("in order to verify, call 4006123456")]
    [InlineData("The fee was 3.5% and ¥36925814 total")]
    [InlineData("my uid? 12")] // too short
    [InlineData("UID 12345")] // five digits: too short for a UID
    [InlineData("Received: by mx.example (Postfix, from userid 106706)")]
    [InlineData("Received: (qmail 85589 invoked by uid 600012); 7 Feb 2010")]
    public void Lookalikes_are_not_taken_as_uids_txids_or_order_ids(string text)
    {
        var facts = FactExtractor.Extract(null, text);

        Assert.Empty(facts.AccountUids);
        Assert.Empty(facts.TransactionIds);
        Assert.Empty(facts.OrderIds);
        Assert.Empty(facts.WalletAddresses);
    }

    [Theory]
    [InlineData("https://t.example.com/c/5d14381a3a783256347b9ffce69cd7007ae8a758cca415d5a91ee863c8b6c033?x=1")]
    [InlineData("<img src=\"cid:5d14381a3a783256347b9ffce69cd7007ae8a758cca415d5a91ee863c8b6c033.png\">")]
    [InlineData("screenshot-5d14381a3a783256347b9ffce69cd7007ae8a758cca415d5a91ee863c8b6c033.png")]
    [InlineData("bh=5d14381a3a783256347b9ffce69cd7007ae8a758cca415d5a91ee863c8b6c033")]
    [InlineData("token=ab+5d14381a3a783256347b9ffce69cd7007ae8a758cca415d5a91ee863c8b6c033/xyz")]
    [InlineData("5d14381a3a783256347b9ffce69cd7007ae8a758cca415d5a91ee863c8b6c033aa")] // 66 hex: too long
    [InlineData("0x5d14381a3a783256347b9ffce69cd7007ae8a758cca415d5a91ee863c8b6c033ff")] // 0x + 66 hex
    [InlineData("<5d14381a3a783256347b9ffce69cd7007ae8a758cca415d5a91ee863c8b6c033@mail.example>")]
    [InlineData("sha-5d14381a3a783256347b9ffce69cd7007ae8a758cca415d5a91ee863c8b6c033")]
    [InlineData("SHA256: 5d14381a3a783256347b9ffce69cd7007ae8a758cca415d5a91ee863c8b6c033")]
    [InlineData("OriginalChecksum:5D14381A3A783256347B9FFCE69CD7007AE8A758CCA415D5A91EE863C8B6C033;Count:9")]
    [InlineData("https://mempool.space/block/5d14381a3a783256347b9ffce69cd7007ae8a758cca415d5a91ee863c8b6c033")]
    [InlineData("https://etherscan.io/block/0x5d14381a3a783256347b9ffce69cd7007ae8a758cca415d5a91ee863c8b6c033")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("8f05d5652fe47b8f2a14830e169d3e2300000000000000000000000000000000")]
    [InlineData("3d3d3d3d3d3d3caaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("/O<95F38A3C173A02D62F885C666CF517242B19E5150A75DBC208211023E68B6C7D>")]
    public void Hex_inside_links_file_names_and_longer_tokens_is_not_a_txid(string text)
    {
        Assert.Empty(FactExtractor.Extract(null, text).TransactionIds);
    }

    [Theory]
    [InlineData("The server at 10.0.0.1 runs v1.2.3")]
    [InlineData("TRC20 and ERC20 networks")]
    [InlineData("I am 5 ton heavier")]
    [InlineData("Ada wrote 3 letters")]
    [InlineData("5 U.S. dollars")]
    [InlineData("room 101U2")]
    public void Words_and_versions_are_not_amounts(string text)
    {
        Assert.Empty(FactExtractor.Extract(null, text).Amounts);
    }

    [Fact]
    public void Hostile_input_does_not_throw()
    {
        string[] inputs =
        [
            new string('0', 100_000),
            string.Concat(Enumerable.Repeat("UID ", 20_000)),
            string.Concat(Enumerable.Repeat("订单号：", 10_000)) + "WD1",
            "\uD800\uDC00\uD800 UID: \uDFFF 12345678",
            string.Concat(Enumerable.Repeat("0x", 30_000)),
            string.Concat(Enumerable.Repeat("1,", 50_000)) + " USDT",
        ];

        foreach (string input in inputs)
        {
            var facts = FactExtractor.Extract(input, input);
            Assert.NotNull(facts);
        }
    }
}
