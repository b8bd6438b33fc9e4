namespace MailTicketing.Rules.Tests;

public class ConditionTests
{
    private static bool Fires(string when, RoutingFacts facts) =>
        RuleFiles.Route($"""
            - name: r
              applies_to: both
              when: {when}
              then: {"{"} queue: api {"}"}
            """, facts).FiredRules.Contains("r");

    private static readonly RoutingFacts Base = RuleFiles.Mail("Hello", "Some text");

    [Fact]
    public void Mailbox_matches_the_address_case_insensitively()
    {
        Assert.True(Fires("{ mailbox: Support@Exchange.example }", Base));
        Assert.False(Fires("{ mailbox: [security@exchange.example, compliance@exchange.example] }", Base));
    }

    [Fact]
    public void Sender_matches_one_of_the_addresses()
    {
        Assert.True(Fires("{ sender: [bob@x.example, alice@customer.example] }", Base));
        Assert.False(Fires("{ sender: bob@x.example }", Base));
    }

    [Fact]
    public void Sender_domain_matches_the_domain_and_its_subdomains_only()
    {
        Assert.True(Fires("{ sender_domain: customer.example }", Base));
        Assert.True(Fires("{ sender_domain: example }", Base));
        Assert.True(Fires("{ sender_domain: customer.example }", Base with { SenderAddress = "a@mail.customer.example" }));
        Assert.False(Fires("{ sender_domain: customer.example }", Base with { SenderAddress = "a@evilcustomer.example" }));
    }

    [Fact]
    public void Sender_list_holds_addresses_and_domains()
    {
        Assert.True(Fires("{ sender_list: vip }", Base with { SenderAddress = "BOSS@partner.example" }));
        Assert.True(Fires("{ sender_list: vip }", Base with { SenderAddress = "ops@desk.fund.example" }));
        Assert.False(Fires("{ sender_list: vip }", Base));
    }

    [Fact]
    public void Subject_text_and_content_keywords_look_at_their_own_field()
    {
        var facts = RuleFiles.Mail("Withdrawal pending", "my deposit is late");
        Assert.True(Fires("{ subject_has: [withdrawal] }", facts));
        Assert.False(Fires("{ subject_has: [deposit] }", facts));
        Assert.True(Fires("{ text_has: deposit }", facts));
        Assert.False(Fires("{ text_has: withdrawal }", facts));
        Assert.True(Fires("{ content_has: [nothing, deposit] }", facts));
    }

    [Theory]
    [InlineData("被盗", "我的账户被盗了")]
    [InlineData("异常登录", "【提醒】异常登录")]
    [InlineData("unauthorized", "UNAUTHORIZED withdrawal")]
    [InlineData("UNAUTHORIZED", "an unauthorized login")]
    [InlineData("KYC", "ＫＹＣ审核失败")]
    [InlineData("ｋｙｃ", "kyc review")]
    [InlineData("UID 123", "ＵＩＤ　１２３")]
    public void Keywords_match_regardless_of_case_and_width(string keyword, string subject)
    {
        Assert.True(Fires($"{{ subject_has: '{keyword}' }}", RuleFiles.Mail(subject)));
    }

    [Fact]
    public void Keyword_absent_does_not_match()
    {
        Assert.False(Fires("{ content_has: [被盗, hacked] }", RuleFiles.Mail("充值未到账", "deposit not arrived")));
    }

    [Fact]
    public void Regex_matches_width_folded_text_case_insensitively()
    {
        Assert.True(Fires(@"{ subject_matches: 'kyc\s*(review|审核)' }", RuleFiles.Mail("ＫＹＣ审核")));
        Assert.True(Fires(@"{ text_matches: ['^nomatch$', 'order\s+#?\d{6}'] }", RuleFiles.Mail(text: "ORDER #123456")));
        Assert.False(Fires(@"{ content_matches: 'order\s+\d{6}' }", RuleFiles.Mail("order 12")));
    }

    [Fact]
    public void Has_requires_every_listed_identifier()
    {
        var facts = Base with { Uids = ["36925814"], OrderIds = ["WD2024"] };
        Assert.True(Fires("{ has: [uid, order] }", facts));
        Assert.False(Fires("{ has: [uid, txid] }", facts));
        Assert.True(Fires("{ has: attachment }", facts with { AttachmentContentTypes = ["image/png"] }));
        Assert.True(Fires("{ has: amount }", facts with { Amounts = [new(1, "USDT")] }));
    }

    [Fact]
    public void Txid_chain_matches_a_transaction_on_one_of_the_chains()
    {
        var facts = Base with { Transactions = [new("0xabc", "ERC20"), new("abc", null)] };
        Assert.True(Fires("{ txid_chain: [trc20, erc20] }", facts));
        Assert.False(Fires("{ txid_chain: BTC }", facts));
        Assert.True(Fires("{ has: txid }", facts));
    }

    [Fact]
    public void Txid_chain_names_the_chain_family_so_token_standards_and_extraction_names_agree()
    {
        // Extraction names chains evm, tron, bitcoin, solana or hex64; people write TRC20 or BEP20.
        var facts = Base with { Transactions = [new("0xabc", "evm"), new("abc", "tron")] };
        Assert.True(Fires("{ txid_chain: BEP20 }", facts));
        Assert.True(Fires("{ txid_chain: trc20 }", facts));
        Assert.False(Fires("{ txid_chain: [bitcoin, hex64] }", facts));
        Assert.True(Fires("{ txid_chain: hex64 }", Base with { Transactions = [new("ab12", "hex64")] }));

        var errors = RuleFiles.Errors(RuleFiles.Header + "- name: r\n  when: { txid_chain: [tron, dogecoin] }\n  then: { queue: payments }\n");
        Assert.Contains(errors, e => e.Line == 10 && e.Column == 23 && e.Message.Contains("does not know the chain 'dogecoin'"));
    }

    [Fact]
    public void Amount_over_compares_per_asset_and_is_strictly_greater()
    {
        var facts = Base with { Amounts = [new(10000m, "USDT"), new(0.6m, "btc")] };
        Assert.False(Fires("{ amount_over: { USDT: 10000 } }", facts));
        Assert.True(Fires("{ amount_over: { USDT: 9999.99 } }", facts));
        Assert.True(Fires("{ amount_over: { USDT: 50000, BTC: 0.5 } }", facts));
        Assert.False(Fires("{ amount_over: { ETH: 0 } }", facts));
    }

    [Fact]
    public void Attachment_type_supports_wildcards_and_ignores_parameters()
    {
        var facts = Base with { AttachmentContentTypes = ["Image/PNG; name=\"截图.png\""] };
        Assert.True(Fires("{ attachment_type: 'image/*' }", facts));
        Assert.True(Fires("{ attachment_type: [application/pdf, image/png] }", facts));
        Assert.False(Fires("{ attachment_type: application/pdf }", facts));
        Assert.False(Fires("{ attachment_type: 'image/*' }", Base));
    }

    [Fact]
    public void Language_matches_the_detected_language()
    {
        Assert.True(Fires("{ language: en }", Base));
        Assert.False(Fires("{ language: zh }", Base));
        Assert.False(Fires("{ language: zh }", Base with { Language = null }));
    }

    [Fact]
    public void Flags_match_true_and_false()
    {
        Assert.True(Fires("{ auth_failed: true }", Base with { AuthenticationFailed = true }));
        Assert.True(Fires("{ auth_failed: false }", Base));
        Assert.True(Fires("{ auto_reply: true }", Base with { IsAutoReply = true }));
        Assert.False(Fires("{ auto_reply: true }", Base));
        Assert.True(Fires("{ bounce: true }", Base with { IsBounce = true }));
        Assert.False(Fires("{ bounce: false }", Base with { IsBounce = true }));
    }

    [Fact]
    public void Ticket_condition_distinguishes_new_from_follow_up()
    {
        Assert.True(Fires("{ ticket: new }", Base));
        Assert.False(Fires("{ ticket: new }", Base with { IsNewTicket = false }));
        Assert.True(Fires("{ ticket: follow_up }", Base with { IsNewTicket = false }));
    }

    [Fact]
    public void All_any_and_not_combine_conditions()
    {
        Assert.True(Fires("{ all: [{ language: en }, { mailbox: support@exchange.example }] }", Base));
        Assert.False(Fires("{ all: [{ language: en }, { language: zh }] }", Base));
        Assert.True(Fires("{ any: [{ language: zh }, { language: en }] }", Base));
        Assert.False(Fires("{ any: [{ language: zh }, { bounce: true }] }", Base));
        Assert.True(Fires("{ not: { language: zh } }", Base));
        Assert.False(Fires("{ not: [{ language: en }, { bounce: false }] }", Base));
    }

    [Fact]
    public void Several_conditions_in_one_mapping_must_all_hold()
    {
        Assert.True(Fires("{ language: en, subject_has: hello }", Base));
        Assert.False(Fires("{ language: en, subject_has: bye }", Base));
    }

    [Fact]
    public void Broken_text_with_lone_surrogates_does_not_throw()
    {
        Assert.True(Fires("{ text_has: 被盗 }", RuleFiles.Mail(text: "账户\uD800被盗\uDC00")));
    }
}
