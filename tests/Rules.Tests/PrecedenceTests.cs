namespace MailTicketing.Rules.Tests;

public class PrecedenceTests
{
    private const string Rules = """
        - name: payments
          when: { content_has: [withdrawal, 提现] }
          then: { queue: payments, priority: high, tags: [payments], sla: standard }
        - name: compromise
          applies_to: both
          when: { content_has: [unauthorized, 被盗] }
          then: { queue: security, priority: urgent, tags: [compromise], stop: true }
        - name: vip
          when: { sender_list: vip }
          then: { queue: support, tags: [vip] }
        - name: follow-up-tag
          applies_to: follow_up
          then: { tags: [follow-up] }
        """;

    [Fact]
    public void Later_rules_override_scalars_and_tags_accumulate()
    {
        var outcome = RuleFiles.Route(Rules, RuleFiles.Mail("withdrawal", "unauthorized"));
        Assert.Equal("security", outcome.Queue);
        Assert.Equal(RulePriority.Urgent, outcome.Priority);
        Assert.Equal("standard", outcome.SlaPolicy);
        Assert.Equal(["payments", "compromise"], outcome.Tags);
        Assert.Equal(["payments", "compromise"], outcome.FiredRules);
    }

    [Fact]
    public void Stop_keeps_later_matching_rules_from_overriding()
    {
        var facts = RuleFiles.Mail("被盗") with { SenderAddress = "boss@partner.example" };
        var outcome = RuleFiles.Route(Rules, facts);
        Assert.Equal("security", outcome.Queue);
        Assert.Equal("compromise", outcome.StoppedBy);
        Assert.DoesNotContain("vip", outcome.Tags);
        var vip = outcome.Explanations.Single(e => e.RuleName == "vip");
        Assert.False(vip.Matched);
        Assert.Contains("rule 'compromise' stopped evaluation", vip.Reason);
    }

    [Fact]
    public void Without_stop_a_later_rule_overrides_the_queue()
    {
        var facts = RuleFiles.Mail("withdrawal") with { SenderAddress = "boss@partner.example" };
        var outcome = RuleFiles.Route(Rules, facts);
        Assert.Equal("support", outcome.Queue);
        Assert.Equal(RulePriority.High, outcome.Priority);
        Assert.Equal(["payments", "vip"], outcome.Tags);
    }

    [Fact]
    public void Rules_apply_to_new_tickets_by_default_and_follow_up_rules_only_to_follow_ups()
    {
        var followUp = RuleFiles.Mail("withdrawal") with { IsNewTicket = false };
        var outcome = RuleFiles.Route(Rules, followUp);
        Assert.Equal(["follow-up-tag"], outcome.FiredRules);
        Assert.Contains("applies to new tickets only", outcome.Explanations.Single(e => e.RuleName == "payments").Reason);

        var fresh = RuleFiles.Route(Rules, RuleFiles.Mail("hello"));
        Assert.Contains("applies to follow-ups only", fresh.Explanations.Single(e => e.RuleName == "follow-up-tag").Reason);
    }

    [Fact]
    public void Defaults_apply_to_new_tickets_only_so_a_follow_up_changes_only_what_rules_set()
    {
        var rules = RuleSet.Parse(RuleFiles.Header.Replace("rules:", "defaults: { queue: support, priority: normal, sla: standard }\nrules:") + Rules, "t.yaml").RuleSet!;
        var followUp = rules.Evaluate(RuleFiles.Mail("any news?") with { IsNewTicket = false });
        Assert.Null(followUp.Queue);
        Assert.Null(followUp.Priority);
        Assert.Null(followUp.SlaPolicy);
        Assert.Equal(["follow-up"], followUp.Tags);

        var fresh = rules.Evaluate(RuleFiles.Mail("any news?"));
        Assert.Equal(("support", RulePriority.Normal, "standard"), (fresh.Queue, fresh.Priority, fresh.SlaPolicy));
    }

    [Fact]
    public void Both_applies_to_new_tickets_and_follow_ups()
    {
        var outcome = RuleFiles.Route(Rules, RuleFiles.Mail("被盗") with { IsNewTicket = false });
        Assert.Equal(["compromise"], outcome.FiredRules);
    }

    [Fact]
    public void Every_rule_is_explained_in_file_order_with_the_reason()
    {
        var outcome = RuleFiles.Route(Rules, RuleFiles.Mail("Withdrawal pending"));
        Assert.Equal(["payments", "compromise", "vip", "follow-up-tag"], outcome.Explanations.Select(e => e.RuleName));
        Assert.Equal("subject or text contains 'withdrawal'", outcome.Explanations[0].Reason);
        Assert.Contains("contains none of 'unauthorized', '被盗'", outcome.Explanations[1].Reason);
        Assert.Equal("sender 'alice@customer.example' is not on list 'vip'", outcome.Explanations[2].Reason);
    }

    [Fact]
    public void Ruleset_is_reusable_across_messages_without_leaking_state()
    {
        var rules = RuleFiles.Load(Rules);
        Assert.Equal("security", rules.Evaluate(RuleFiles.Mail("被盗")).Queue);
        var second = rules.Evaluate(RuleFiles.Mail("hello"));
        Assert.Null(second.Queue);
        Assert.Empty(second.Tags);
    }
}
