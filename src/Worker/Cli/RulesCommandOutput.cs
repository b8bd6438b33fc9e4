using System.Globalization;
using System.Text.Json;
using MailTicketing.Rules;
using MailTicketing.Tickets.Model;
using MailTicketing.Worker.Json;

namespace MailTicketing.Worker.Cli;

/// <summary>`rules test` output: for people (every rule, matched or not and why, then the routing), or JSON.</summary>
internal static class RulesCommandOutput
{
    public static void WriteText(RuleSet rules, IReadOnlyList<RulesCommandResult> results, TextWriter output)
    {
        output.WriteLine($"rules: {rules.FileName} ({rules.RuleNames.Count} rules)");
        foreach (var result in results)
        {
            output.WriteLine();
            output.WriteLine(result.File);
            if (result.Error is not null || result.Input is not { } input || result.Outcome is not { } outcome || result.Decision is not { } decision)
            {
                output.WriteLine($"  cannot route: {result.Error}");
                continue;
            }

            output.WriteLine($"  subject   {result.Subject}");
            output.WriteLine($"  mailbox   {input.Mailbox} <{input.MailboxAddress}> ({result.MailboxChoice}), from {input.SenderAddress}, language {input.Language}, {(input.IsNewTicket ? "new ticket" : "follow-up")}");
            if (Facts(input) is { Length: > 0 } facts)
            {
                output.WriteLine($"  found     {facts}");
            }

            output.WriteLine("  rules");
            foreach (var explanation in outcome.Explanations)
            {
                output.WriteLine($"    {(explanation.Matched ? "MATCH" : "  -  ")} {explanation.RuleName}: {explanation.Reason}");
            }

            output.WriteLine($"  queue     {decision.Queue}{(outcome.Queue is null ? " (mailbox default)" : "")}");
            output.WriteLine($"  priority  {decision.Priority}{(outcome.Priority is null && input.IsNewTicket ? " (mailbox default)" : "")}");
            output.WriteLine($"  category  {decision.Category ?? "-"}");
            output.WriteLine($"  tags      {(decision.Tags.Count == 0 ? "-" : string.Join(", ", decision.Tags))}");
            output.WriteLine($"  sla       {decision.SlaPolicy ?? "-"}");
            output.WriteLine($"  assign    {decision.AssignGroup ?? "-"}");
            output.WriteLine($"  fields    {(decision.Fields.Count == 0 ? "-" : string.Join(", ", decision.Fields.Select(f => $"{f.Key}={f.Value}")))}");
            var (template, note) = result.Acknowledgement;
            output.WriteLine($"  ack       {template ?? "none"} ({note})");
            output.WriteLine($"  fired     {(outcome.FiredRules.Count == 0 ? "none" : string.Join(", ", outcome.FiredRules))}{(outcome.StoppedBy is { } stop ? $"; stopped by {stop}" : "")}");
        }
    }

    public static void WriteJson(RuleSet rules, IReadOnlyList<RulesCommandResult> results, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOutput.Options))
        {
            json.WriteStartObject();
            json.WriteString("rulesFile", rules.FileName);
            json.WriteStartArray("messages");
            foreach (var result in results)
            {
                WriteMessage(json, result);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteMessage(Utf8JsonWriter json, RulesCommandResult result)
    {
        json.WriteStartObject();
        json.WriteString("file", result.File);
        json.WriteString("error", result.Error);
        if (result.Input is { } input && result.Outcome is { } outcome && result.Decision is { } decision)
        {
            json.WriteString("subject", result.Subject);
            json.WriteString("mailbox", input.Mailbox);
            json.WriteString("sender", input.SenderAddress);
            json.WriteString("language", input.Language);
            json.WriteBoolean("newTicket", input.IsNewTicket);
            json.WriteStartArray("rules");
            foreach (var explanation in outcome.Explanations)
            {
                json.WriteStartObject();
                json.WriteString("name", explanation.RuleName);
                json.WriteBoolean("matched", explanation.Matched);
                json.WriteString("reason", explanation.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStringArray("fired", outcome.FiredRules);
            json.WriteString("stoppedBy", outcome.StoppedBy);
            json.WriteString("queue", decision.Queue);
            json.WriteString("priority", decision.Priority?.ToString());
            json.WriteString("category", decision.Category);
            json.WriteStringArray("tags", decision.Tags);
            json.WriteString("slaPolicy", decision.SlaPolicy);
            json.WriteString("assignGroup", decision.AssignGroup);
            json.WriteStartObject("fields");
            foreach (var (name, value) in decision.Fields)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            json.WriteStartObject("acknowledgement");
            json.WriteString("template", result.Acknowledgement.Template);
            json.WriteString("note", result.Acknowledgement.Note);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static string Facts(Tickets.Routing.RoutingInput input)
    {
        var parts = new List<string>();
        foreach (var group in input.Identifiers.GroupBy(i => i.Kind))
        {
            var name = group.Key switch
            {
                IdentifierKind.AccountUid => "uid",
                IdentifierKind.TransactionId => "txid",
                IdentifierKind.OrderId => "order",
                _ => "wallet",
            };
            parts.Add($"{name} {string.Join(", ", group.Select(i => i.Chain is null ? i.Value : $"{i.Value} ({i.Chain})"))}");
        }

        if (input.Amounts.Count > 0)
        {
            parts.Add("amount " + string.Join(", ", input.Amounts.Select(a => a.Value.ToString(CultureInfo.InvariantCulture) + " " + a.Asset)));
        }

        if (input.AttachmentTypes.Count > 0)
        {
            parts.Add("attachments " + string.Join(", ", input.AttachmentTypes));
        }

        var flags = new[] { (input.AuthenticationFailed, "auth failed"), (input.IsAutoReply, "auto-reply"), (input.IsBounce, "bounce") }
            .Where(f => f.Item1).Select(f => f.Item2);
        parts.AddRange(flags);
        return string.Join("; ", parts);
    }
}
