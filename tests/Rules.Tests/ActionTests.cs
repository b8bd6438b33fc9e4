namespace MailTicketing.Rules.Tests;

public class ActionTests
{
    [Fact]
    public void Every_action_lands_in_the_outcome()
    {
        var outcome = RuleFiles.Route("""
            - name: everything
              then:
                queue: security
                category: account-compromise
                priority: urgent
                tags: [compromise, vip]
                sla: urgent
                acknowledge: ack-security
                assign: security-team
            """, RuleFiles.Mail());
        Assert.Equal("security", outcome.Queue);
        Assert.Equal("account-compromise", outcome.Category);
        Assert.Equal(RulePriority.Urgent, outcome.Priority);
        Assert.Equal(["compromise", "vip"], outcome.Tags);
        Assert.Equal("urgent", outcome.SlaPolicy);
        Assert.Equal("ack-security", outcome.AcknowledgementTemplate);
        Assert.False(outcome.AcknowledgementSuppressed);
        Assert.Equal("security-team", outcome.AssignGroup);
        Assert.Equal(["everything"], outcome.FiredRules);
    }

    [Fact]
    public void Acknowledge_false_suppresses_the_default_acknowledgement()
    {
        var rules = RuleFiles.Load("""
            - name: no-ack-for-auto-replies
              applies_to: both
              when: { auto_reply: true }
              then: { acknowledge: false }
            """);
        var withDefaults = RuleSet.Parse(RuleFiles.Header.Replace("rules:", "defaults: { queue: support, acknowledge: ack-default }\nrules:") + """
            - name: no-ack-for-auto-replies
              when: { auto_reply: true }
              then: { acknowledge: false }
            """, "t.yaml").RuleSet!;

        var human = withDefaults.Evaluate(RuleFiles.Mail());
        Assert.Equal("ack-default", human.AcknowledgementTemplate);
        Assert.Equal("support", human.Queue);

        var robot = withDefaults.Evaluate(RuleFiles.Mail() with { IsAutoReply = true });
        Assert.Null(robot.AcknowledgementTemplate);
        Assert.True(robot.AcknowledgementSuppressed);
        Assert.True(rules.Evaluate(RuleFiles.Mail() with { IsAutoReply = true }).AcknowledgementSuppressed);
    }

    [Fact]
    public void Set_copies_named_captures_into_fields_keeping_the_customers_case()
    {
        var outcome = RuleFiles.Route("""
            - name: case-number
              when: { subject_has: case }
              then:
                set:
                  - { from: subject, regex: '(?<case_number>CASE-\d+)' }
                  - { from: text, regex: 'network:\s*(?<chain>[A-Z0-9]+)' }
            """, RuleFiles.Mail("Re: case-４２ still open", "Network: TRC20"));
        Assert.Equal("case-42", outcome.Fields["case_number"]);
        Assert.Equal("TRC20", outcome.Fields["chain"]);
    }

    [Fact]
    public void Set_that_does_not_match_sets_nothing()
    {
        var outcome = RuleFiles.Route("""
            - name: case-number
              then: { set: { regex: '(?<case_number>CASE-\d+)' } }
            """, RuleFiles.Mail("no number"));
        Assert.Empty(outcome.Fields);
        Assert.Equal(["case-number"], outcome.FiredRules);
    }

    [Fact]
    public void Nothing_fires_and_nothing_is_set_when_no_rule_matches()
    {
        var outcome = RuleFiles.Route("""
            - name: r
              when: { subject_has: zzz }
              then: { queue: api }
            """, RuleFiles.Mail("hello"));
        Assert.Null(outcome.Queue);
        Assert.Null(outcome.Priority);
        Assert.Empty(outcome.FiredRules);
        Assert.False(Assert.Single(outcome.Explanations).Matched);
    }
}
