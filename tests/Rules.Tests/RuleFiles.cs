namespace MailTicketing.Rules.Tests;

internal static class RuleFiles
{
    // Eight lines: rules given to WithRules start on line 9.
    public const string Header = """
        version: 1
        queues: [support, security, compliance, payments, api]
        templates: [ack-default, ack-security]
        sla_policies: [standard, urgent]
        groups: [security-team, payments-team]
        sender_lists:
          vip: [boss@partner.example, fund.example]
        rules:

        """;

    public static RuleSet Load(string rules)
    {
        var result = RuleSet.Parse(Header + rules, "test.yaml");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.RuleSet;
    }

    public static IReadOnlyList<RuleError> Errors(string yaml)
    {
        var result = RuleSet.Parse(yaml, "test.yaml");
        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Errors);
        return result.Errors;
    }

    public static RuleOutcome Route(string rules, RoutingFacts facts) => Load(rules).Evaluate(facts);

    public static RoutingFacts Mail(string subject = "", string text = "") => new()
    {
        Mailbox = "support@exchange.example",
        SenderAddress = "alice@customer.example",
        Subject = subject,
        Text = text,
        Language = "en",
    };
}
