using MailTicketing.Rules.Conditions;
using MailTicketing.Rules.Evaluation;
using MailTicketing.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace MailTicketing.Rules.Loading;

/// <summary>Turns a <c>then:</c> (or <c>defaults:</c>) mapping into actions, checking names against the declarations.</summary>
internal sealed class ActionParser(ParseContext context, RuleDeclarations declarations)
{
    internal static readonly string[] Kinds = ["queue", "category", "priority", "tags", "sla", "acknowledge", "assign", "set", "stop"];

    public RuleActions? Parse(YamlNode node, string what, bool isDefaults)
    {
        if (!context.TryMapping(node, what, out var mapping))
        {
            return null;
        }

        var actions = new RuleActions();
        var ok = true;
        foreach (var (key, keyNode, value) in context.Fields(mapping))
        {
            if (isDefaults && key is "set" or "stop")
            {
                context.Error(keyNode, $"'{key}' cannot be a default; put it in a rule");
                ok = false;
                continue;
            }

            var next = Apply(actions, key, keyNode, value);
            ok &= next is not null;
            actions = next ?? actions;
        }

        if (ok && mapping.Children.Count == 0)
        {
            context.Error(node, $"'{what}' must set at least one action");
            ok = false;
        }

        return ok ? actions : null;
    }

    private RuleActions? Apply(RuleActions actions, string key, YamlNode keyNode, YamlNode value)
    {
        switch (key)
        {
            case "queue":
                return Declared(value, key, declarations.Queues, "queues", out var queue) ? actions with { Queue = queue } : null;
            case "category":
                return context.TryString(value, key, out var category) ? actions with { Category = category } : null;
            case "priority":
                return Priority(value, out var priority) ? actions with { Priority = priority } : null;
            case "tags":
                return context.TryStrings(value, key, out var tags) ? actions with { Tags = tags.Distinct().ToArray() } : null;
            case "sla":
                return Declared(value, key, declarations.SlaPolicies, "sla_policies", out var sla) ? actions with { Sla = sla } : null;
            case "assign":
                return Declared(value, key, declarations.Groups, "groups", out var group) ? actions with { AssignGroup = group } : null;
            case "acknowledge":
                return Acknowledge(actions, value);
            case "set":
                return Captures(value) is { } captures ? actions with { Captures = [.. captures] } : null;
            case "stop":
                return context.TryBool(value, key, out var stop) ? actions with { Stop = stop } : null;
            default:
                context.Error(keyNode, $"unknown action '{key}'; expected one of: {string.Join(", ", Kinds)}");
                return null;
        }
    }

    private bool Declared(YamlNode value, string key, List<string> known, string section, out string name)
    {
        if (!context.TryString(value, key, out name))
        {
            return false;
        }

        if (known.Contains(name, StringComparer.Ordinal))
        {
            return true;
        }

        context.Error(value, $"unknown {key} '{name}'; declare it under '{section}'"
            + (known.Count > 0 ? $" (declared: {string.Join(", ", known)})" : ""));
        return false;
    }

    private bool Priority(YamlNode value, out RulePriority priority)
    {
        priority = default;
        if (!context.TryString(value, "priority", out var text))
        {
            return false;
        }

        switch (text)
        {
            case "low": priority = RulePriority.Low; return true;
            case "normal": priority = RulePriority.Normal; return true;
            case "high": priority = RulePriority.High; return true;
            case "urgent": priority = RulePriority.Urgent; return true;
            default:
                context.Error(value, $"'priority' must be low, normal, high or urgent, not '{text}'");
                return false;
        }
    }

    private RuleActions? Acknowledge(RuleActions actions, YamlNode value)
    {
        if (value is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "false" })
        {
            return actions with { AcknowledgementSet = true, AcknowledgementTemplate = null };
        }

        if (value is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" })
        {
            context.Error(value, "'acknowledge' must name a template (declared under 'templates') or be false");
            return null;
        }

        return Declared(value, "template", declarations.Templates, "templates", out var template)
            ? actions with { AcknowledgementSet = true, AcknowledgementTemplate = template }
            : null;
    }

    private List<FieldCapture>? Captures(YamlNode value)
    {
        var items = value is YamlSequenceNode sequence ? sequence.Children.ToList() : [value];
        var captures = new List<FieldCapture>();
        var ok = items.Count > 0;
        foreach (var item in items)
        {
            if (Capture(item) is { } capture)
            {
                captures.Add(capture);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? captures : null;
    }

    private FieldCapture? Capture(YamlNode node)
    {
        if (!context.TryMapping(node, "set", out var mapping))
        {
            return null;
        }

        TextField? field = null;
        YamlNode? patternNode = null;
        var ok = true;
        foreach (var (key, keyNode, value) in context.Fields(mapping))
        {
            switch (key)
            {
                case "from" when context.TryString(value, key, out var from):
                    field = from switch { "subject" => TextField.Subject, "text" => TextField.Text, "content" => TextField.Content, _ => null };
                    if (field is null)
                    {
                        context.Error(value, $"'from' must be subject, text or content, not '{from}'");
                        ok = false;
                    }

                    break;
                case "regex":
                    patternNode = value;
                    break;
                case "from":
                    ok = false;
                    break;
                default:
                    context.Error(keyNode, $"unknown field '{key}' in 'set'; expected from, regex");
                    ok = false;
                    break;
            }
        }

        if (patternNode is null)
        {
            context.Error(node, "'set' needs a 'regex' with named groups, e.g. '(?<case_number>CASE-\\d+)'");
            return null;
        }

        if (!context.TryString(patternNode, "regex", out var pattern) || !RegexFactory.TryCreate(context, patternNode, pattern, out var regex))
        {
            return null;
        }

        if (!regex.GetGroupNames().Any(n => !int.TryParse(n, out _)))
        {
            context.Error(patternNode, $"regex '{pattern}' has no named group; name the field with (?<field_name>...)");
            return null;
        }

        return ok ? new FieldCapture(field ?? TextField.Content, regex) : null;
    }
}
