using MailTicketing.Tickets.Extraction;

namespace MailTicketing.Tickets.Tests.Extraction;

// Whole support mails, each with everything that must be extracted written out.
public class SupportMailExamplesTests
{
    private const string Hex1 = "5d14381a3a783256347b9ffce69cd7007ae8a758cca415d5a91ee863c8b6c033";
    private const string Hex2 = "7ae32d6fcaa25516cdf2f8b8657666bef215b9282bfe20072697e777cea7259c";
    private const string Evm1 = "0x9e3b1f7c2a5d48e6b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3";
    private const string Evm2 = "0x4a803dc39653428b6bd5210fe8bd5ae575a995d0e7846bd3eae0802188268682";
    private const string Tron = "THXnVfYBJdhehBoWGWi4vavFNWKAUhk8Nj";

    private static string Describe(string? subject, string body)
    {
        var f = FactExtractor.Extract(subject, body);
        return $"uids=[{string.Join(",", f.AccountUids)}] "
            + $"tx=[{string.Join(",", f.TransactionIds.Select(t => $"{t.Value[..10]}/{t.Chain}"))}] "
            + $"orders=[{string.Join(",", f.OrderIds)}] "
            + $"amounts=[{string.Join(",", f.Amounts.Select(a => $"{a.Value} {a.Asset}"))}] "
            + $"addresses=[{string.Join(",", f.WalletAddresses.Select(a => $"{a.Value[..8]}/{a.Chain}"))}] "
            + $"lang={f.Language}";
    }

    [Fact]
    public void English_deposit_with_explorer_link_and_segwit_address()
    {
        string body = $"""
            Hello,

            I deposited 0.25 BTC to my account (UID: 48151623) from my wallet
            bc1qsjrcu77gccd79rcw8ucyvzk9rxqh8rc87ut0qv three hours ago but it is not showing.
            Transaction: https://mempool.space/tx/{Hex1}

            Please help.
            """;

        Assert.Equal(
            "uids=[48151623] tx=[5d14381a3a/Bitcoin] orders=[] amounts=[0.25 BTC] addresses=[bc1qsjrc/Bitcoin] lang=English",
            Describe("Deposit not credited", body));
    }

    [Fact]
    public void English_pending_withdrawal_with_date_and_tron_address()
    {
        string body = $"""
            Hi support,
            My withdrawal order WD202403180042 for 2,000 USDT (TRC20) to {Tron} is still
            pending since 2024-03-18 21:04 (UTC+8). My UID is 36925814. Call me on +1 (555) 123-4567.
            """;

        Assert.Equal(
            "uids=[36925814] tx=[] orders=[WD202403180042] amounts=[2000 USDT] addresses=[THXnVfYB/Tron] lang=English",
            Describe("Re: [Ticket#SUP-000123] Withdrawal pending", body));
    }

    [Fact]
    public void Chinese_deposit_in_u_with_tron_address_and_hash()
    {
        string body = $"客服你好，我昨天充值了500U，到现在还没到账。\nUID：77889900\nTXID：{Hex2}\n充值地址：{Tron}\n谢谢！";

        Assert.Equal(
            $"uids=[77889900] tx=[{Hex2[..10]}/Hex64] orders=[] amounts=[500 USDT] addresses=[THXnVfYB/Tron] lang=Chinese",
            Describe("充值未到账", body));
    }

    [Fact]
    public void Traditional_chinese_eth_withdrawal()
    {
        string body = $"您好，我的帳號 UID 為 12312312，提幣 3 ETH 到 0x04df70c62e9b01c6cc262c24799eb91e8e0f53ae，交易哈希 {Evm1}，請幫忙查詢。";

        Assert.Equal(
            "uids=[12312312] tx=[0x9e3b1f7c/Evm] orders=[] amounts=[3 ETH] addresses=[0x04df70/Evm] lang=Chinese",
            Describe("提幣問題", body));
    }

    [Fact]
    public void English_social_engineering_report_gives_only_the_uid()
    {
        const string body = """
            Someone called me from +44 20 7946 0958 yesterday at 14:32, claiming to be from your
            security team, and asked for my 2FA code and my password. I did not give them anything.
            My account ID is 99887766. Is this call from you? Reference number they gave: 4471-2290.
            """;

        Assert.Equal("uids=[99887766] tx=[] orders=[] amounts=[] addresses=[] lang=English", Describe("Suspicious call", body));
    }

    [Fact]
    public void Chinese_withdrawal_with_phone_date_and_order()
    {
        const string body = "我的手机号是13800138000，3月18日 21:04 提现 1000 USDT，订单号 202403180001，至今未到账。";

        Assert.Equal("uids=[] tx=[] orders=[202403180001] amounts=[1000 USDT] addresses=[] lang=Chinese", Describe(null, body));
    }

    [Fact]
    public void English_numbered_list_of_hashes()
    {
        string body = $"Three deposits are missing. TxIDs:\n1. {Evm1}\n2. {Evm2}\n3. {Evm1}\nAll on BEP20.";

        Assert.Equal("uids=[] tx=[0x9e3b1f7c/Evm,0x4a803dc3/Evm] orders=[] amounts=[] addresses=[] lang=English", Describe(null, body));
    }

    [Fact]
    public void Chinese_bitcoin_withdrawal_with_hyphenated_order()
    {
        string body = $"提币订单编号：WD-2024-0318-0042，数量 0.5 比特币，哈希：{Hex1}。请核实。";

        Assert.Equal(
            $"uids=[] tx=[{Hex1[..10]}/Bitcoin] orders=[WD-2024-0318-0042] amounts=[0.5 BTC] addresses=[] lang=Chinese",
            Describe("BTC 提币", body));
    }

    [Fact]
    public void English_solana_withdrawal()
    {
        const string sig = "d5pB7FiUweQopgespuJpSpb87XK3ZPoFuWoZ4fV33h1prnjYngBCBVKnQoTxBX2CBYZpo3fPnpRL5KsNgdJzYhE";
        string body = $"I withdrew 12.5 SOL to address Et5fA51jKD8PaqE1V2iwdFmeJuBRb73K6abSEQbkN9LL, signature {sig}. UID 55443322.";

        Assert.Equal(
            "uids=[55443322] tx=[d5pB7FiUwe/Solana] orders=[] amounts=[12.5 SOL] addresses=[Et5fA51j/Solana] lang=English",
            Describe(null, body));
    }

    [Fact]
    public void Reply_quoting_our_own_template_gives_only_the_customer_facts()
    {
        const string body = """
            UID 36925814

            On Mon, Mar 18, 2024 at 9:04 PM Exchange Support <support@exchange.example> wrote:
            > Please reply with your UID (for example UID 12345678) and the TxID.
            """;

        var split = ReplyParser.Split(body);

        Assert.Equal("uids=[36925814] tx=[] orders=[] amounts=[] addresses=[] lang=English", Describe("Re: [Ticket#SUP-000125]", split.NewText));
    }
}
