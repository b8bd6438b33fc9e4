using MailTicketing.Tickets.Extraction;

namespace MailTicketing.Tickets.Tests.Extraction;

public class FactExtractorChineseTests
{
    private const string SampleHash = "a3f1c9e2b7d4058e6f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70";

    [Fact]
    public void Sample_withdrawal_mail_yields_every_fact_and_chinese()
    {
        const string body = "您好，\n\n我在 3 月 18 日从贵平台提现 1,250 USDT（TRC20），到现在还没有到账。\n我的UID是：36925814\n"
            + "交易哈希（TxID）：" + SampleHash + "\n订单号：WD202403180042\n\n截图见附件，请尽快帮我查询，谢谢！";

        var facts = FactExtractor.Extract("提现未到账 - USDT TRC20", body);

        Assert.Equal(["36925814"], facts.AccountUids);
        Assert.Equal([new TransactionId(SampleHash, ChainGuess.Tron)], facts.TransactionIds);
        Assert.Equal(["WD202403180042"], facts.OrderIds);
        Assert.Equal([new CoinAmount(1250m, "USDT")], facts.Amounts);
        Assert.Empty(facts.WalletAddresses);
        Assert.Equal(TextLanguage.Chinese, facts.Language);
    }

    [Theory]
    [InlineData("我的UID是36925814，麻烦查一下", "36925814")]
    [InlineData("UID：88776655", "88776655")]
    [InlineData("ＵＩＤ：８８７７６６５５", "88776655")] // full-width, as Chinese input methods type it
    [InlineData("用户ID 102938475", "102938475")]
    [InlineData("账户ID：20240001", "20240001")]
    [InlineData("我的账号是 66778899，昨天被冻结了", "66778899")]
    [InlineData("账户：556677889", "556677889")]
    [InlineData("UID号：31415926", "31415926")]
    [InlineData("我的uid为 27182818。", "27182818")]
    [InlineData("请问需要哪些材料？UID：12009876", "12009876")] // full-width question mark folds to '?', which is no URL query here
    public void Labelled_uids_in_chinese_are_extracted(string text, string expected)
    {
        Assert.Equal([expected], FactExtractor.Extract(null, text).AccountUids);
    }

    [Theory]
    [InlineData("订单号：WD202403180042", "WD202403180042")]
    [InlineData("订单编号为 202403040001，请核实", "202403040001")]
    [InlineData("提现单号 TX20240318999 一直显示处理中", "TX20240318999")]
    [InlineData("订单 ＷＤ２０２４０３１８００４２ 没到账", "WD202403180042")]
    [InlineData("我的訂單 OD20240318HK77 顯示已成交", "OD20240318HK77")] // traditional characters (Hong Kong, Taiwan)
    [InlineData("訂單編號：TW2024031801", "TW2024031801")]
    public void Labelled_order_ids_in_chinese_are_extracted(string text, string expected)
    {
        Assert.Equal([expected], FactExtractor.Extract(null, text).OrderIds);
    }

    [Theory]
    [InlineData("交易哈希：{0}")]
    [InlineData("交易ID {0}")]
    [InlineData("哈希值是{0}，请帮忙查询")]
    [InlineData("txid是{0}")]
    [InlineData("TXID：{0}")]
    public void Chinese_hash_phrasings_are_recognised(string template)
    {
        var facts = FactExtractor.Extract(null, string.Format(template, SampleHash));

        Assert.Equal([new TransactionId(SampleHash, ChainGuess.Hex64)], facts.TransactionIds);
    }

    [Theory]
    [InlineData("提现了0.5个比特币", 0.5, "BTC")]
    [InlineData("充值 1000 泰达币 没到", 1000, "USDT")]
    [InlineData("转了100U过去", 100, "USDT")]
    [InlineData("2 以太坊", 2, "ETH")]
    [InlineData("Sent 1,250.75 usdt yesterday", 1250.75, "USDT")]
    [InlineData("withdrew 0.5 BTC", 0.5, "BTC")]
    [InlineData("5000TRX", 5000, "TRX")]
    public void Amounts_with_coin_symbols_and_chinese_names_are_extracted(string text, decimal value, string asset)
    {
        Assert.Equal([new CoinAmount(value, asset)], FactExtractor.Extract(null, text).Amounts);
    }

    [Fact]
    public void Mixed_chinese_mail_with_english_identifiers_is_chinese()
    {
        var facts = FactExtractor.Extract(
            "Re: USDT withdrawal",
            "你好，我的 UID 是 36925814，TxID 0x9e3b1f7c2a5d48e6b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3，BEP20 网络。");

        Assert.Equal(TextLanguage.Chinese, facts.Language);
    }

    [Fact]
    public void English_mail_signed_with_a_chinese_name_is_english()
    {
        var facts = FactExtractor.Extract(
            "Withdrawal not received",
            "Hello, my withdrawal of 500 USDT has not arrived after two days. Could you please check it for me? Thanks, 林晓");

        Assert.Equal(TextLanguage.English, facts.Language);
    }

    [Fact]
    public void Chinese_subject_alone_decides_the_language_of_an_empty_body()
    {
        Assert.Equal(TextLanguage.Chinese, FactExtractor.Extract("账户被冻结", "").Language);
        Assert.Equal(TextLanguage.English, FactExtractor.Extract(null, null).Language);
    }
}
