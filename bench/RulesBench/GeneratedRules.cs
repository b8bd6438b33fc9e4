using System.Globalization;
using System.Text;

namespace MailTicketing.Bench.Rules;

/// <summary>
/// Seeded rules of the kinds ops write: keyword lists in both languages, patterns that start
/// with a word, sender domains, extracted values with thresholds, and all/any/not combinations.
/// Most do not match a given message, as in a real file; some do.
/// </summary>
internal static class GeneratedRules
{
    private static readonly string[] EnglishWords =
    [
        "margin", "futures", "staking", "airdrop", "launchpad", "otc desk", "merchant", "liquidation", "funding rate", "grid bot",
        "copy trading", "sub-account", "vip level", "referral", "rebate", "savings", "earn product", "dual investment", "options",
        "perpetual", "leverage", "collateral", "loan", "repay", "interest", "voucher", "coupon", "nft", "mystery box", "card",
        "apple pay", "bank transfer", "sepa", "swift", "wire", "chargeback", "refund", "delisting", "maintenance", "upgrade",
        "hard fork", "memo", "destination tag", "wrong network", "cross-chain", "bridge", "gas fee", "slippage", "stop loss",
        "take profit", "trailing", "iceberg", "twap", "market maker", "listing", "token swap", "convert", "dust", "tax report",
        "statement", "proof of address", "selfie", "passport", "driving licence", "face verification", "anti-phishing code",
        "whitelist", "address book", "device management", "session", "ip restriction", "subaccount transfer", "custody",
        "institutional", "broker", "affiliate", "campaign", "giveaway", "lucky draw", "competition", "leaderboard", "badge",
        "withdrawal", "deposit", "fee", "kyc", "api", "login", "password", "2fa", "frozen", "locked", "invoice", "p2p",
    ];

    private static readonly string[] ChineseWords =
    [
        "杠杆", "合约", "质押", "空投", "理财", "借贷", "还款", "利息", "返佣", "邀请", "子账户", "跟单", "网格", "期权", "永续",
        "强平", "资金费率", "保证金", "抵押", "卡券", "盲盒", "银行卡", "转账", "退款", "下架", "维护", "升级", "分叉", "标签",
        "错误网络", "跨链", "手续费", "滑点", "止损", "止盈", "做市", "上币", "闪兑", "小额资产", "税务", "对账单", "住址证明",
        "自拍", "护照", "驾照", "人脸", "防钓鱼码", "白名单", "地址簿", "设备管理", "登录记录", "机构", "经纪商", "活动", "抽奖",
        "提现", "充值", "冻结", "验证码", "发票", "放币", "申诉", "钱包", "到账", "审核",
    ];

    private static readonly string[] Domains =
    [
        "example.cn", "example.com", "mail.example.cn", "partner.example", "fund.example", "quant.example", "bank.example",
        "corp.example", "vip.example", "media.example", "law.example", "audit.example",
    ];

    private static readonly string[] Queues = ["support", "security", "compliance", "payments", "api"];

    /// <summary>YAML list items (indented two spaces, as in samples/rules.yaml), <paramref name="count"/> rules.</summary>
    public static string Yaml(int count, int seed)
    {
        var random = new Random(seed);
        var yaml = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - name: generated-{i:D4}\n");
            var scope = random.NextDouble();
            yaml.Append(scope < 0.6 ? "" : scope < 0.9 ? "    applies_to: both\n" : "    applies_to: follow_up\n");
            yaml.Append("    when:\n");
            yaml.Append(Condition(random, "      "));
            yaml.Append("    then:\n");
            yaml.Append(CultureInfo.InvariantCulture, $"      tags: [g{i:D4}]\n");
            var action = random.NextDouble();
            if (action < 0.2)
            {
                yaml.Append("      priority: ").Append(random.NextDouble() < 0.5 ? "high" : "low").Append('\n');
            }
            else if (action < 0.3)
            {
                yaml.Append("      queue: ").Append(Queues[random.Next(Queues.Length)]).Append('\n');
            }
            else if (action < 0.35)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"      set: {{ from: content, regex: '(?<ref_{i:D4}>REF-\\d{{6}})' }}\n");
            }
        }

        return yaml.ToString();
    }

    private static string Condition(Random random, string indent)
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.35 => $"{indent}content_has: {Words(random, 3, 7)}\n",
            < 0.50 => $"{indent}subject_has: {Words(random, 2, 5)}\n",
            < 0.62 => $"{indent}content_matches: '{Pattern(random)}'\n",
            < 0.70 => $"{indent}sender_domain: [{string.Join(", ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Domains[random.Next(Domains.Length)]).Distinct())}]\n",
            < 0.80 => $"{indent}language: {(random.NextDouble() < 0.5 ? "zh" : "en")}\n{indent}text_has: {Words(random, 2, 6)}\n",
            < 0.86 => $"{indent}has: txid\n{indent}amount_over: {{ USDT: {random.Next(1, 50) * 1000}, BTC: 0.{random.Next(1, 9)} }}\n",
            < 0.94 => $"{indent}any:\n{indent}  - subject_has: {Words(random, 2, 4)}\n{indent}  - text_matches: '{Pattern(random)}'\n{indent}not: {{ sender_domain: {Domains[random.Next(Domains.Length)]} }}\n",
            _ => $"{indent}mailbox: {Queues[random.Next(3)] switch { "support" => "support", "security" => "security", _ => "compliance" }}@exchange.example\n{indent}attachment_type: ['image/*', application/pdf]\n",
        };
    }

    private static string Words(Random random, int min, int max)
    {
        var count = random.Next(min, max + 1);
        var words = Enumerable.Range(0, count)
            .Select(_ => random.NextDouble() < 0.5 ? EnglishWords[random.Next(EnglishWords.Length)] : ChineseWords[random.Next(ChineseWords.Length)])
            .Distinct()
            .Select(w => w.Contains(' ', StringComparison.Ordinal) || w.Contains('-', StringComparison.Ordinal) ? $"\"{w}\"" : w);
        return "[" + string.Join(", ", words) + "]";
    }

    /// <summary>A pattern that starts with a word, as ops write them: a reference format, or a word near another.</summary>
    private static string Pattern(Random random)
    {
        var english = EnglishWords[random.Next(EnglishWords.Length)].Replace(" ", "\\s+", StringComparison.Ordinal);
        return random.Next(4) switch
        {
            0 => $"{english}.{{0,30}}(pending|failed|missing)",
            1 => $"\\b{english}\\b",
            2 => $"(ref|case|ticket)[-#: ]?[a-z]{{2,4}}\\d{{{random.Next(4, 9)}}}",
            _ => $"{ChineseWords[random.Next(ChineseWords.Length)]}.{{0,10}}(失败|未到账|异常)",
        };
    }
}
