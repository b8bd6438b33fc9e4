namespace MailTicketing.Rules.Tests;

public class SampleRulesTests
{
    private static readonly RuleSet Sample = LoadSample();

    private static RuleSet LoadSample()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "samples", "rules.yaml")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new FileNotFoundException("samples/rules.yaml not found above the test output");
        }

        var result = RuleSet.Load(Path.Combine(dir, "samples", "rules.yaml"));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.RuleSet;
    }

    private static RoutingFacts Mail(string mailbox, string subject, string text, string language) => new()
    {
        Mailbox = mailbox + "@exchange.example",
        SenderAddress = "customer@example.cn",
        Subject = subject,
        Text = text,
        Language = language,
    };

    [Fact]
    public void Sample_file_loads_without_errors()
    {
        Assert.Contains("account-compromise", Sample.RuleNames);
        Assert.Equal(["support", "security", "compliance", "payments", "api"], Sample.Queues);
    }

    [Theory]
    [InlineData("support", "账户被盗", "我的账户被盗了，请帮忙冻结", "zh")]
    [InlineData("support", "异常登录提醒", "收到异常登录通知，不是我本人", "zh")]
    [InlineData("compliance", "Account HACKED", "Someone made an unauthorized withdrawal", "en")]
    public void Account_compromise_goes_to_security_at_urgent_from_any_mailbox(string mailbox, string subject, string text, string language)
    {
        var outcome = Sample.Evaluate(Mail(mailbox, subject, text, language));
        Assert.Equal("security", outcome.Queue);
        Assert.Equal(RulePriority.Urgent, outcome.Priority);
        Assert.Equal("standard", outcome.AcknowledgementTemplate);
        Assert.Equal("critical", outcome.SlaPolicy);
        Assert.Equal("account-compromise", outcome.StoppedBy);
    }

    [Theory]
    [InlineData("充值未到账", "我昨天充值的USDT还没到账", "zh")]
    [InlineData("提现未到账 - USDT TRC20", "提现已经三个小时了", "zh")]
    [InlineData("Withdrawal pending for 6 hours", "My withdrawal is still pending", "en")]
    [InlineData("Deposit", "my deposit has not arrived yet", "en")]
    public void Deposits_and_withdrawals_not_arrived_go_to_payments(string subject, string text, string language)
    {
        var outcome = Sample.Evaluate(Mail("support", subject, text, language));
        Assert.Equal("payments", outcome.Queue);
        Assert.Equal(RulePriority.High, outcome.Priority);
        Assert.Contains("payments", outcome.Tags);
        Assert.Equal("payments-team", outcome.AssignGroup);
    }

    [Theory]
    [InlineData("support", "ＫＹＣ审核", "实名认证一直失败", "zh")]
    [InlineData("support", "Sanctions screening", "Is my country under OFAC sanctions?", "en")]
    [InlineData("compliance", "Documents", "Please find the requested documents", "en")]
    public void Kyc_and_sanctions_go_to_compliance(string mailbox, string subject, string text, string language)
    {
        var outcome = Sample.Evaluate(Mail(mailbox, subject, text, language));
        Assert.Equal("compliance", outcome.Queue);
        Assert.Equal("compliance-team", outcome.AssignGroup);
    }

    [Theory]
    [InlineData("API key问题", "接口返回 429", "zh")]
    [InlineData("Websocket disconnects", "The websocket closes every minute", "en")]
    [InlineData("请问API", "如何申请", "zh")]
    public void Api_questions_go_to_the_api_queue(string subject, string text, string language)
    {
        Assert.Equal("api", Sample.Evaluate(Mail("support", subject, text, language)).Queue);
    }

    [Fact]
    public void Api_inside_another_word_is_not_an_api_question()
    {
        var outcome = Sample.Evaluate(Mail("support", "Capital gains", "rapid growth", "en"));
        Assert.Null(outcome.Queue);
        Assert.DoesNotContain("api", outcome.FiredRules);
    }

    [Fact]
    public void Plain_question_is_left_to_its_mailbox_with_the_standard_acknowledgement()
    {
        // No queue and no priority: the worker then uses the mailbox's queue and priority.
        var outcome = Sample.Evaluate(Mail("support", "手续费", "请问交易手续费是多少？", "zh"));
        Assert.Null(outcome.Queue);
        Assert.Null(outcome.Priority);
        Assert.Equal("standard", outcome.AcknowledgementTemplate);
        Assert.Equal("standard", outcome.SlaPolicy);
        Assert.Empty(outcome.FiredRules);
    }

    [Fact]
    public void Spoofed_security_mail_gets_the_minimal_acknowledgement_and_stays_in_security()
    {
        var outcome = Sample.Evaluate(Mail("security", "Verify your API credentials", "Please reply", "en") with { AuthenticationFailed = true });
        Assert.Equal("security", outcome.Queue);
        Assert.Equal("minimal", outcome.AcknowledgementTemplate);
        Assert.Equal(["spoofed-security-mail", "security-mailbox"], outcome.FiredRules);
    }

    [Fact]
    public void Large_withdrawal_with_a_txid_is_urgent_and_keeps_its_chain()
    {
        var facts = Mail("support", "提现未到账", "TRC20 交易哈希如下", "zh") with
        {
            Transactions = [new("a3f1c9e2", "TRC20")],
            Amounts = [new(25000m, "USDT")],
        };
        var outcome = Sample.Evaluate(facts);
        Assert.Equal("payments", outcome.Queue);
        Assert.Equal(RulePriority.Urgent, outcome.Priority);
        Assert.Equal("TRC20", outcome.Fields["chain"]);
        Assert.Equal(["payments", "large-amount", "has-txid"], outcome.Tags);
    }

    [Fact]
    public void Auto_reply_gets_no_acknowledgement()
    {
        var auto = Sample.Evaluate(Mail("support", "Out of office", "I am away", "en") with { IsAutoReply = true });
        Assert.True(auto.AcknowledgementSuppressed);
        Assert.Null(auto.AcknowledgementTemplate);
        Assert.Equal(["automated"], auto.Tags);
    }

    [Fact]
    public void A_chasing_follow_up_raises_priority_and_a_plain_one_fires_nothing()
    {
        var chasing = Sample.Evaluate(Mail("support", "Re: 充值未到账", "还没到账，请尽快处理", "zh") with { IsNewTicket = false });
        Assert.Equal(["customer-chasing"], chasing.FiredRules);
        Assert.Equal(RulePriority.High, chasing.Priority);
        Assert.Null(chasing.Queue);

        var thanks = Sample.Evaluate(Mail("support", "Re: 充值未到账", "Thanks, it arrived.", "en") with { IsNewTicket = false });
        Assert.Empty(thanks.FiredRules);
        Assert.Null(thanks.SlaPolicy);
    }
}
