using System.Text.Json;
using MailTicketing.Tickets.Ingestion;
using MailTicketing.Tickets.Model;
using MailTicketing.Worker.Cli;
using MailTicketing.Worker.Composition;
using MailTicketing.Worker.Configuration;
using MailTicketing.Worker.Export;
using MailTicketing.Worker.Tests.Support;
using Spectre.Console;

namespace MailTicketing.Worker.Tests.Rules;

public sealed class RoutingOnTicketsTests
{
    private const string FollowUpRules = """
        - name: chasing
          applies_to: follow_up
          when: { content_has: [any update, 催] }
          then: { priority: high, tags: [chased] }
        - name: calm
          applies_to: follow_up
          when: { content_has: thanks }
          then: { priority: low, tags: [thanked] }
        - name: hacked
          applies_to: both
          when: { content_has: [hacked, 被盗] }
          then: { queue: security, category: account-compromise, priority: urgent, sla: critical, assign: security-oncall, tags: [compromise] }
        - name: case-number
          applies_to: both
          when: { content_matches: 'CASE-\d+' }
          then: { set: { regex: '(?<case_number>CASE-\d+)' } }
        """;

    [Fact]
    public async Task A_new_ticket_stores_its_routing_and_shows_and_exports_the_rules_that_fired()
    {
        // The default configuration: samples/rules.yaml.
        await using var h = await TicketingHarness.StartAsync();
        Assert.NotNull(h.Services.Rules);
        var number = await h.NewTicketAsync(new TestMail
        {
            From = "刘洋 <liu.yang@example.cn>",
            Subject = "充值未到账",
            Body = "我充值了 25,000 USDT（TRC20），还没到账。\nTxID：5c2f9a0d3e1b4c7a8f6e5d4c3b2a19087f6e5d4c3b2a19087f6e5d4c3b2a1908\nUID：52963074",
        });

        var details = await h.TicketAsync(number.ToString());
        Assert.Equal(("payments", "funds", TicketPriority.Urgent), (details.Ticket.Queue, details.Ticket.Category, details.Ticket.Priority));
        var routing = details.Routing;
        Assert.Equal("priority", routing.SlaPolicy);
        Assert.Equal("payments-team", routing.AssignGroup);
        Assert.Equal(["payments", "large-amount", "has-txid"], routing.Tags);
        Assert.Equal("TRC20", routing.Fields["chain"]);
        Assert.Equal(["funds-not-arrived", "large-transfer", "chain-field"], routing.FiredRules);
        Assert.Contains(details.Events, e => e.Kind == "routed" && e.Detail.Contains("rules: funds-not-arrived, large-transfer, chain-field"));

        var shown = Show(details);
        Assert.Contains("sla priority; assigned to payments-team; tags payments, large-amount, has-txid", shown);
        Assert.Contains("fields chain=TRC20", shown);
        Assert.Contains("rules fired: funds-not-arrived, large-transfer, chain-field", shown);

        var exported = await ExportAsync(h);
        var ticket = Assert.Single(exported.RootElement.EnumerateArray());
        Assert.Equal(["funds-not-arrived", "large-transfer", "chain-field"], ticket.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["payments", "large-amount", "has-txid"], ticket.GetProperty("tags").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("TRC20", ticket.GetProperty("fields").GetProperty("chain").GetString());
        Assert.Equal("priority", ticket.GetProperty("slaPolicy").GetString());
        Assert.Equal("payments-team", ticket.GetProperty("assignGroup").GetString());
    }

    [Fact]
    public async Task Follow_up_rules_raise_priority_add_tags_and_fields_move_the_queue_but_never_lower_the_priority()
    {
        using var file = new RuleFileFixture(FollowUpRules);
        await using var h = await TicketingHarness.StartAsync(o => o.RulesFile = file.Path);
        var number = await h.NewTicketAsync(new TestMail { Subject = "Fees", Body = "What are your trading fees?" });
        var fresh = await h.TicketAsync(number.ToString());
        Assert.Equal(("support", TicketPriority.Normal), (fresh.Ticket.Queue, fresh.Ticket.Priority));
        Assert.Empty(fresh.Routing.FiredRules);

        await FollowUpAsync(h, number, "Any update? Our reference is CASE-4711.");
        var chased = await h.TicketAsync(number.ToString());
        Assert.Equal(TicketPriority.High, chased.Ticket.Priority);
        Assert.Equal(["chased"], chased.Routing.Tags);
        Assert.Equal("CASE-4711", chased.Routing.Fields["case_number"]);
        Assert.Contains(chased.Events, e => e.Kind == "routed" && e.Detail.Contains("priority Normal -> High, tags +chased, case_number=CASE-4711; rules: chasing, case-number"));

        await FollowUpAsync(h, number, "Thanks, that helps.");
        var thanked = await h.TicketAsync(number.ToString());
        Assert.Equal(TicketPriority.High, thanked.Ticket.Priority);
        Assert.Equal(["chased", "thanked"], thanked.Routing.Tags);

        await FollowUpAsync(h, number, "Now my account was hacked!");
        var moved = await h.TicketAsync(number.ToString());
        Assert.Equal(("security", "account-compromise", TicketPriority.Urgent), (moved.Ticket.Queue, moved.Ticket.Category, moved.Ticket.Priority));
        Assert.Equal(("critical", "security-oncall"), (moved.Routing.SlaPolicy, moved.Routing.AssignGroup));
        Assert.Equal(["chased", "thanked", "compromise"], moved.Routing.Tags);
        Assert.Equal("CASE-4711", moved.Routing.Fields["case_number"]);
        Assert.Equal(["chasing", "case-number", "calm", "hacked"], moved.Routing.FiredRules);
        Assert.Contains(moved.Events, e => e.Kind == "routed" && e.Detail.Contains("queue support -> security"));
    }

    [Fact]
    public async Task A_follow_up_no_rule_acts_on_changes_nothing()
    {
        using var file = new RuleFileFixture(FollowUpRules);
        await using var h = await TicketingHarness.StartAsync(o => o.RulesFile = file.Path);
        var number = await h.NewTicketAsync(new TestMail { Subject = "Fees", Body = "What are your trading fees?" });
        var before = (await h.TicketAsync(number.ToString())).Events.Count;

        await FollowUpAsync(h, number, "Also, do you list SOL?");
        var after = await h.TicketAsync(number.ToString());
        Assert.DoesNotContain(after.Events, e => e.Kind == "routed");
        Assert.Equal(before, after.Events.Count);
        Assert.Equal(TicketPriority.Normal, after.Ticket.Priority);
    }

    [Fact]
    public async Task Rules_choose_no_acknowledgement_or_the_minimal_one()
    {
        using var file = new RuleFileFixture("""
            - name: quiet
              when: { subject_has: newsletter }
              then: { acknowledge: false }
            - name: brief
              when: { subject_has: brief }
              then: { acknowledge: minimal }
            """);
        await using var h = await TicketingHarness.StartAsync(o => o.RulesFile = file.Path);
        var quiet = await h.NewTicketAsync(new TestMail { Subject = "About your newsletter" });
        var brief = await h.NewTicketAsync(new TestMail { From = "bob@example.com", Subject = "A brief question" });
        var normal = await h.NewTicketAsync(new TestMail { From = "carol@example.com", Subject = "Deposit" });

        var outbox = await h.PendingOutboxAsync();
        Assert.DoesNotContain(outbox, e => e.TicketNumber == quiet);
        Assert.Contains((await h.TicketAsync(quiet.ToString())).Events, e => e.Kind == "acknowledgement-skipped" && e.Detail == "a routing rule suppresses it");

        var minimal = (await h.AcknowledgementAsync(brief)).TextBody!;
        Assert.Contains(brief.ToString(), minimal);
        Assert.True(minimal.Length < 200, $"a minimal acknowledgement, but it was {minimal.Length} characters: {minimal}");
        Assert.Contains("never ask for your password", (await h.AcknowledgementAsync(normal)).TextBody!);
    }

    [Fact]
    public async Task What_the_rules_leave_open_is_decided_by_the_mailbox()
    {
        using var file = new RuleFileFixture("""
            - name: tag-only
              when: { content_has: withdrawal }
              then: { tags: [payments] }
            """);
        await using var h = await TicketingHarness.StartAsync(o => o.RulesFile = file.Path);
        var security = await h.NewTicketAsync(new TestMail { To = "security@exchange.example", Subject = "withdrawal" }, "security");
        var compliance = await h.NewTicketAsync(new TestMail { From = "bob@example.com", To = "compliance@exchange.example", Subject = "withdrawal" }, "compliance");

        var s = await h.TicketAsync(security.ToString());
        Assert.Equal(("security", TicketPriority.High, "payments"), (s.Ticket.Queue, s.Ticket.Priority, s.Routing.Tags.Single()));
        var c = await h.TicketAsync(compliance.ToString());
        Assert.Equal(("compliance", TicketPriority.Normal), (c.Ticket.Queue, c.Ticket.Priority));
    }

    [Fact]
    public async Task Without_a_rules_file_each_mailbox_is_its_own_queue_and_nothing_is_fired()
    {
        await using var h = await TicketingHarness.StartAsync(o => o.RulesFile = "");
        Assert.Null(h.Services.Rules);
        var number = await h.NewTicketAsync(new TestMail { Subject = "My account was hacked" });
        var details = await h.TicketAsync(number.ToString());
        Assert.Equal(("support", TicketPriority.Normal), (details.Ticket.Queue, details.Ticket.Priority));
        Assert.True(details.Routing.IsEmpty);
        Assert.Contains("rules fired: none", Show(details));
    }

    [Fact]
    public async Task A_reloaded_file_routes_the_next_message()
    {
        using var file = new RuleFileFixture("- name: a\n  when: { subject_has: withdrawal }\n  then: { queue: payments }\n");
        await using var h = await TicketingHarness.StartAsync(o => o.RulesFile = file.Path);
        var first = await h.NewTicketAsync(new TestMail { Subject = "withdrawal" });

        file.Write("- name: b\n  when: { subject_has: withdrawal }\n  then: { queue: api }\n");
        Assert.Equal(RulesCheck.Applied, h.Services.Rules!.CheckNow());
        var second = await h.NewTicketAsync(new TestMail { From = "bob@example.com", Subject = "withdrawal" });

        Assert.Equal("payments", (await h.TicketAsync(first.ToString())).Ticket.Queue);
        var routed = await h.TicketAsync(second.ToString());
        Assert.Equal("api", routed.Ticket.Queue);
        Assert.Equal(["b"], routed.Routing.FiredRules);
    }

    [Fact]
    public async Task An_invalid_rules_file_stops_the_start_with_every_error_and_its_position()
    {
        using var file = new RuleFileFixture("- name: x\n  when: { subject_hass: y }\n  then: { queue: billing, acknowledge: fancy }\n");
        var error = await Assert.ThrowsAsync<WorkerConfigurationException>(() => TicketingHarness.StartAsync(o => o.RulesFile = file.Path));
        Assert.Contains($"{file.Path}:8:11: unknown condition 'subject_hass'", error.Message);
        Assert.Contains($"{file.Path}:9:18: unknown queue 'billing'", error.Message);
        Assert.Contains($"{file.Path}:9:40: unknown template 'fancy'", error.Message);

        var missing = await Assert.ThrowsAsync<WorkerConfigurationException>(() => TicketingHarness.StartAsync(o => o.RulesFile = file.Path + ".missing"));
        Assert.Contains("cannot read the rules file", missing.Message);
    }

    private static Task<IngestResult> FollowUpAsync(TicketingHarness h, TicketNumber number, string body) =>
        h.IngestAsync(new TestMail { Subject = $"Re: [Ticket#{number}] Fees", Body = body });

    private static string Show(TicketDetails details)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No });
        TicketView.Write(console, details, sla: null);
        return output.ToString();
    }

    private static async Task<JsonDocument> ExportAsync(TicketingHarness h)
    {
        using var stream = new MemoryStream();
        await TicketExportJson.WriteAsync(h.Services.Store.ExportAsync(CancellationToken.None), stream, CancellationToken.None);
        return JsonDocument.Parse(stream.ToArray());
    }
}
