using MailTicketing.Tickets.Extraction;

namespace MailTicketing.Tickets.Tests.Extraction;

public class ReplyParserTests
{
    [Fact]
    public void Gmail_reply_sets_the_attribution_and_quote_aside()
    {
        const string body = """
            Thanks, my UID is 36925814.

            On Mon, Mar 18, 2024 at 9:04 PM Exchange Support <support@exchange.example> wrote:

            > Dear customer,
            > Please send your UID.
            >
            """;

        var split = ReplyParser.Split(body);

        Assert.Equal("Thanks, my UID is 36925814.", split.NewText);
        Assert.StartsWith("On Mon, Mar 18, 2024", split.QuotedText);
        Assert.EndsWith("> Please send your UID.\n>", split.QuotedText);
        Assert.Equal("", split.SignatureText);
        Assert.Equal("", split.ForwardedText);
    }

    [Fact]
    public void Gmail_attribution_wrapped_over_two_lines_is_recognised()
    {
        const string body = "Here you go: UID 36925814\r\n\r\nOn Mon, Mar 18, 2024 at 9:04 PM Exchange Support Team <\r\n"
            + "support@exchange.example> wrote:\r\n\r\n> Please send your UID and TxID.\r\n";

        var split = ReplyParser.Split(body);

        Assert.Equal("Here you go: UID 36925814", split.NewText);
        Assert.Equal(
            "On Mon, Mar 18, 2024 at 9:04 PM Exchange Support Team <\nsupport@exchange.example> wrote:\n\n> Please send your UID and TxID.",
            split.QuotedText);
    }

    [Fact]
    public void Gmail_chinese_attribution_is_recognised()
    {
        const string body = """
            UID是36925814

            Exchange Support <support@exchange.example> 于2024年3月18日周一 21:04写道：

            > 请提供您的UID。
            """;

        var split = ReplyParser.Split(body);

        Assert.Equal("UID是36925814", split.NewText);
        Assert.Contains("> 请提供您的UID。", split.QuotedText);
    }

    [Fact]
    public void Outlook_english_header_block_and_rule_start_the_quote()
    {
        const string body = """
            Please see the attached screenshot.

            Jane

            ________________________________
            From: Exchange Support <support@exchange.example>
            Sent: Monday, March 18, 2024 9:04 PM
            To: Jane Martin <jane.martin@example.com>
            Subject: RE: [Ticket#SUP-000123] Unauthorized login

            Dear Jane, please send your UID 11112222.
            """;

        var split = ReplyParser.Split(body, "RE: [Ticket#SUP-000123] Unauthorized login");

        Assert.Equal("Please see the attached screenshot.\n\nJane", split.NewText);
        Assert.StartsWith("________________________________\nFrom: Exchange Support", split.QuotedText);
        Assert.EndsWith("please send your UID 11112222.", split.QuotedText);
    }

    [Fact]
    public void Outlook_chinese_header_block_starts_the_quote()
    {
        const string body = """
            好的，已经补充了截图。

            发件人: Exchange Support <support@exchange.example>
            发送时间: 2024年3月18日 21:04
            收件人: 林晓 <lin.xiao@example.cn>
            主题: 回复: [Ticket#SUP-000124] 提现未到账

            您好，请提供交易哈希。
            """;

        var split = ReplyParser.Split(body);

        Assert.Equal("好的，已经补充了截图。", split.NewText);
        Assert.StartsWith("发件人: Exchange Support", split.QuotedText);
    }

    [Theory]
    [InlineData("-----Original Message-----")]
    [InlineData("-----原始邮件-----")]
    [InlineData("----- 原始邮件 -----")]
    [InlineData("-----邮件原件-----")]
    public void Original_message_banners_start_the_quote(string banner)
    {
        string body = $"My UID is 123456.\n\n{banner}\nFrom: Support\nSent: Monday\nTo: me\nSubject: RE: help\n\nOld text";

        var split = ReplyParser.Split(body);

        Assert.Equal("My UID is 123456.", split.NewText);
        Assert.StartsWith(banner, split.QuotedText);
        Assert.EndsWith("Old text", split.QuotedText);
    }

    [Fact]
    public void Apple_mail_reply_with_iphone_signature()
    {
        const string body = """
            Sure, the TxID is 0x9e3b1f7c2a5d48e6b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3

            Sent from my iPhone

            > On 18 Mar 2024, at 21:04, Exchange Support <support@exchange.example> wrote:
            >
            > Please send the TxID.
            """;

        var split = ReplyParser.Split(body);

        Assert.Equal("Sure, the TxID is 0x9e3b1f7c2a5d48e6b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3", split.NewText);
        Assert.Equal("Sent from my iPhone", split.SignatureText);
        Assert.StartsWith("> On 18 Mar 2024", split.QuotedText);
    }

    [Fact]
    public void Apple_mail_chinese_reply_with_iphone_signature()
    {
        const string body = "好的\n\n发自我的iPhone\n\n> 在 2024年3月18日，21:04，Exchange Support <support@exchange.example> 写道：\n> \n> 请提供TxID。";

        var split = ReplyParser.Split(body);

        Assert.Equal("好的", split.NewText);
        Assert.Equal("发自我的iPhone", split.SignatureText);
        Assert.Equal("> 在 2024年3月18日，21:04，Exchange Support <support@exchange.example> 写道：\n> \n> 请提供TxID。", split.QuotedText);
    }

    [Fact]
    public void Qq_mail_banner_with_nbsp_entities_starts_the_quote()
    {
        const string body = """
            已经提供了，请查收。



            ------------------&nbsp;原始邮件&nbsp;------------------
            发件人: "Exchange Support"<support@exchange.example>;
            发送时间:&nbsp;2024年3月18日(星期一) 晚上9:04
            收件人:&nbsp;"林晓"<12345678@qq.com>;
            主题:&nbsp;回复：提现未到账

            您好，请提供UID 99990000。
            """;

        var split = ReplyParser.Split(body);

        Assert.Equal("已经提供了，请查收。", split.NewText);
        Assert.Contains("请提供UID 99990000", split.QuotedText);
    }

    [Fact]
    public void Qq_mail_banner_with_real_nbsp_and_english_original()
    {
        string body = "Done.\n\n------------------\u00A0Original\u00A0------------------\nFrom: \"Support\";\nDate: Mon, Mar 18\nTo: \"me\";\nSubject: Re: help\n\nold";

        var split = ReplyParser.Split(body);

        Assert.Equal("Done.", split.NewText);
        Assert.EndsWith("old", split.QuotedText);
    }

    [Fact]
    public void Foxmail_header_block_with_full_width_colons_starts_the_quote()
    {
        const string body = "补充截图，订单号WD202403180042\n\nlin.xiao@foxmail.com\n \n发件人： Exchange Support\n发送时间： 2024-03-18 21:04\n"
            + "收件人： lin.xiao@foxmail.com\n主题： 回复：提现未到账\n您好";

        var split = ReplyParser.Split(body);

        Assert.Equal("补充截图，订单号WD202403180042\n\nlin.xiao@foxmail.com", split.NewText);
        Assert.StartsWith("发件人： Exchange Support", split.QuotedText);
    }

    [Fact]
    public void NetEase_163_attribution_without_quote_marks_cuts_the_rest()
    {
        const string body = "好的\n\n在 2024-03-18 21:04:05，\"Exchange Support\" <support@exchange.example> 写道：\n您好，请提供UID。\n谢谢";

        var split = ReplyParser.Split(body);

        Assert.Equal("好的", split.NewText);
        Assert.EndsWith("请提供UID。\n谢谢", split.QuotedText);
    }

    [Fact]
    public void NetEase_english_attribution_is_recognised()
    {
        const string body = "OK\n\nAt 2024-03-18 21:04:05, \"Exchange Support\" <support@exchange.example> wrote:\n>Please send the UID.";

        var split = ReplyParser.Split(body);

        Assert.Equal("OK", split.NewText);
        Assert.StartsWith("At 2024-03-18", split.QuotedText);
    }

    [Fact]
    public void Gmail_forward_is_set_aside_as_forwarded_evidence()
    {
        const string body = """
            Is this email really from you?

            ---------- Forwarded message ---------
            From: Exchange Security <security@exchange-verify.example>
            Date: Mon, Mar 18, 2024 at 8:00 PM
            Subject: Urgent: verify your account
            To: <jane.martin@example.com>

            Click here to verify: https://exchange-verify.example/login
            """;

        var split = ReplyParser.Split(body, "Fwd: Urgent: verify your account");

        Assert.Equal("Is this email really from you?", split.NewText);
        Assert.Equal("", split.QuotedText);
        Assert.StartsWith("---------- Forwarded message ---------\nFrom: Exchange Security", split.ForwardedText);
        Assert.EndsWith("https://exchange-verify.example/login", split.ForwardedText);
    }

    [Theory]
    [InlineData("Begin forwarded message:")]
    [InlineData("开始转发的邮件：")]
    [InlineData("---------- 转发的邮件 ---------")]
    [InlineData("-------- Forwarded Message --------")]
    public void Other_forward_banners_are_recognised(string banner)
    {
        string body = $"FYI\n\n{banner}\n\n> From: Phisher <a@b.example>\n> Subject: Verify\n> Send us your seed";

        var split = ReplyParser.Split(body);

        Assert.Equal("FYI", split.NewText);
        Assert.StartsWith(banner, split.ForwardedText);
        Assert.Equal("", split.QuotedText);
    }

    [Fact]
    public void Outlook_header_block_under_a_fw_subject_is_forwarded()
    {
        const string body = "Looks like phishing.\n\nFrom: Exchange <no-reply@exchange-secure.example>\nSent: Monday, March 18, 2024 8:00 PM\n"
            + "To: me\nSubject: Your account is locked\n\nEnter your password here.";

        var split = ReplyParser.Split(body, "FW: Your account is locked");

        Assert.Equal("Looks like phishing.", split.NewText);
        Assert.StartsWith("From: Exchange", split.ForwardedText);
        Assert.Equal("", split.QuotedText);
    }

    [Fact]
    public void Inline_answers_between_quoted_lines_stay_new_text()
    {
        const string body = """
            On Mon, Mar 18, 2024 at 9:04 PM Support <support@exchange.example> wrote:
            > What is your UID?
            36925814
            > And the TxID?
            I don't have it yet.
            """;

        var split = ReplyParser.Split(body);

        Assert.Equal("36925814\nI don't have it yet.", split.NewText);
        Assert.Equal(
            "On Mon, Mar 18, 2024 at 9:04 PM Support <support@exchange.example> wrote:\n> What is your UID?\n> And the TxID?",
            split.QuotedText);
    }

    [Fact]
    public void Rfc3676_signature_delimiter_starts_the_signature()
    {
        const string body = "您好，\n\n请尽快帮我查询，谢谢！\n\n-- \n林晓\n138 0013 8000\n\n> 旧邮件";

        var split = ReplyParser.Split(body);

        Assert.Equal("您好，\n\n请尽快帮我查询，谢谢！", split.NewText);
        Assert.Equal("-- \n林晓\n138 0013 8000", split.SignatureText);
        Assert.Equal("> 旧邮件", split.QuotedText);
    }

    [Theory]
    [InlineData("来自贵平台的通知说我的账户被冻结了")]
    [InlineData("来自我的账户的提现失败了")]
    [InlineData("Sent from my account page, the request failed again and again and again, error 1002 shows")]
    public void Sentences_that_open_like_a_mobile_signature_stay_new_text(string line)
    {
        var split = ReplyParser.Split($"您好\n{line}");

        Assert.Equal($"您好\n{line}", split.NewText);
        Assert.Equal("", split.SignatureText);
    }

    [Theory]
    [InlineData("来自网易邮箱大师")]
    [InlineData("来自我的华为手机")]
    [InlineData("发自我的 iPad")]
    [InlineData("Get Outlook for iOS")]
    [InlineData("Sent from Mail for Windows")]
    public void Mobile_signatures_at_the_end_are_set_aside(string signature)
    {
        var split = ReplyParser.Split($"UID 36925814\n\n{signature}\n");

        Assert.Equal("UID 36925814", split.NewText);
        Assert.Equal(signature, split.SignatureText);
    }

    [Fact]
    public void Lines_that_only_mention_from_and_subject_are_not_a_header_block()
    {
        const string body = "From: my Binance wallet\nI sent 5 BTC.\nThe subject is urgent.";

        Assert.Equal(body, ReplyParser.Split(body).NewText);
    }

    [Fact]
    public void Empty_and_hostile_bodies_do_not_throw()
    {
        Assert.Equal(new ReplySplit("", "", "", ""), ReplyParser.Split(null));
        Assert.Equal(new ReplySplit("", "", "", ""), ReplyParser.Split("\r\n\r\n"));
        var split = ReplyParser.Split(string.Concat(Enumerable.Repeat("On x\n", 5000)) + string.Concat(Enumerable.Repeat(">\n", 5000)));
        Assert.NotNull(split);
        Assert.Equal(">", ReplyParser.Split(">").QuotedText);
    }
}
