using System.Net;
using System.Text;

namespace MailTicketing.Bench.Mime;

/// <summary>Seeded support-mail prose, mostly Chinese with identifiers, as our mailboxes receive it.</summary>
internal sealed class SupportText(Random random)
{
    private static readonly string[] ChineseSentences =
    [
        "您好，我在昨天下午提交了提现申请，但是到现在还没有到账。",
        "订单号是 {order}，交易哈希为 {hash}，请帮忙查询一下。",
        "我的账户 UID 为 {uid}，绑定的邮箱就是现在发信的这个地址。",
        "附件是银行转账的截图和身份证明文件，请查收。",
        "如果需要补充其他资料，请随时告诉我，我会尽快提供。",
        "系统提示“安全验证失败”，我已经按照说明重新设置了密码，还是不行。",
        "这个问题已经持续了三天，严重影响了我的正常交易。",
        "请问手续费是如何计算的？为什么和页面上显示的金额不一样？",
        "感谢你们的耐心处理，期待尽快收到回复。",
        "我们公司需要开具增值税专用发票，抬头和税号信息见附件。",
        "上周的对账单中有两笔记录重复扣款，金额分别为 {amount} 元和 {amount} 元。",
        "登录时一直提示验证码错误，换了浏览器和手机也不行。",
        "另外，我想确认一下大额提现是否需要额外的人工审核。",
        "充值已经在区块链上确认了十二次，但余额没有变化。",
        "客服热线一直占线，所以只好发邮件联系你们。",
    ];

    private static readonly string[] EnglishSentences =
    [
        "Hello support team, please see the details below.",
        "Order {order} was charged twice; the transaction hash is {hash}.",
        "My account UID is {uid}. I have attached the statement you asked for.",
        "Could you tell me when the withdrawal will be processed?",
        "Best regards,",
    ];

    private static readonly string[] Names = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄婷", "周杰", "吴昊"];

    public string Paragraph(int sentences)
    {
        var text = new StringBuilder();
        for (var i = 0; i < sentences; i++)
        {
            var pool = random.Next(6) == 0 ? EnglishSentences : ChineseSentences;
            text.Append(Fill(pool[random.Next(pool.Length)]));
        }

        return text.ToString();
    }

    /// <summary>Plain text of about <paramref name="chars"/> characters, paragraphs separated by blank lines.</summary>
    public string Body(int chars)
    {
        var text = new StringBuilder("您好：\n\n");
        while (text.Length < chars)
        {
            text.Append(Paragraph(random.Next(2, 6))).Append("\n\n");
        }

        return text.Append("此致\n敬礼\n").ToString();
    }

    /// <summary>The same prose as HTML, with an order table and references to inline images.</summary>
    public string Html(string plainText, IReadOnlyList<string> contentIds)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html><head><style>p{margin:0 0 1em} td{padding:2px 6px}</style></head>\n<body style=\"font-family:'Microsoft YaHei',sans-serif\">\n");
        foreach (var paragraph in plainText.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>\n")).Append("</p>\n");
        }

        html.Append("<table border=\"1\"><tr><th>订单号</th><th>金额</th><th>状态</th></tr>\n");
        for (var i = random.Next(2, 8); i > 0; i--)
        {
            html.Append("<tr><td>").Append(Order()).Append("</td><td>").Append(Amount()).Append("</td><td>处理中</td></tr>\n");
        }

        html.Append("</table>\n");
        foreach (var contentId in contentIds)
        {
            html.Append("<p><img src=\"cid:").Append(contentId).Append("\" alt=\"截图\"></p>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }

    public string Name() => Names[random.Next(Names.Length)];

    public string Order() => $"ORD{random.Next(10_000_000, 99_999_999)}";

    public string Amount() => $"{random.Next(10, 50_000)}.{random.Next(100):D2}";

    public string Hash()
    {
        Span<byte> bytes = stackalloc byte[32];
        random.NextBytes(bytes);
        return "0x" + Convert.ToHexStringLower(bytes);
    }

    private string Fill(string template) => template
        .Replace("{order}", Order())
        .Replace("{hash}", Hash())
        .Replace("{uid}", random.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Replace("{amount}", Amount());
}
