using System.Globalization;
using MailTicketing.Rules.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MailTicketing.Rules.Loading;

/// <summary>
/// Reads the YAML tree (which keeps line and column for every node) and builds the RuleSet,
/// collecting all errors instead of stopping at the first.
/// </summary>
internal sealed class RuleFileParser(string fileName, RuleSetOptions options)
{
    private static readonly string[] TopLevel = ["version", "queues", "templates", "sla_policies", "groups", "sender_lists", "defaults", "rules"];
    private static readonly string[] RuleFields = ["name", "description", "applies_to", "when", "then"];

    private readonly ParseContext _context = new(fileName, options);
    private readonly RuleDeclarations _declarations = new();

    public RuleLoadResult Parse(string yaml)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(yaml);
        if (bytes > options.MaxFileBytes)
        {
            return RuleLoadResult.Failure([TooLarge(fileName, bytes, options.MaxFileBytes)]);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new GuardedParser(new Parser(new StringReader(yaml)), options.MaxNestingDepth));
        }
        catch (RuleFileLimitException e)
        {
            return RuleLoadResult.Failure([new RuleError(fileName, (int)e.Position.Line, (int)e.Position.Column, e.Message)]);
        }
        catch (YamlException e)
        {
            // Syntax errors leave no tree to check further; the parser's position is still exact.
            var message = e.InnerException is { } inner ? inner.Message : e.Message;
            return RuleLoadResult.Failure([new RuleError(fileName, (int)e.Start.Line, (int)e.Start.Column, "YAML syntax: " + message)]);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some malformed plain scalars, without a position.
            var (line, column) = LastReadablePosition(yaml);
            return RuleLoadResult.Failure([new RuleError(fileName, line, column, "YAML syntax: cannot read the document after this point")]);
        }

        if (stream.Documents.Count != 1)
        {
            var what = stream.Documents.Count == 0 ? "the file is empty" : "the file must hold one YAML document";
            return RuleLoadResult.Failure([new RuleError(fileName, 1, 1, what)]);
        }

        if (!_context.TryMapping(stream.Documents[0].RootNode, "the file", out var root))
        {
            return RuleLoadResult.Failure(_context.Errors);
        }

        var fields = ReadTopLevel(root);
        var defaults = new RuleActions();
        if (fields.TryGetValue("defaults", out var defaultsNode))
        {
            defaults = new ActionParser(_context, _declarations).Parse(defaultsNode, "defaults", isDefaults: true) ?? defaults;
        }

        var rules = fields.TryGetValue("rules", out var rulesNode) ? ReadRules(rulesNode) : [];
        return _context.Errors.Count > 0
            ? RuleLoadResult.Failure(_context.Errors)
            : RuleLoadResult.Success(new RuleSet(fileName, rules, defaults, _declarations));
    }

    internal static RuleError TooLarge(string fileName, long bytes, long limit) =>
        new(fileName, 1, 1, string.Create(CultureInfo.InvariantCulture, $"the file is {bytes:N0} bytes; the limit is {limit:N0} (RuleSetOptions.MaxFileBytes)"));

    private static (int Line, int Column) LastReadablePosition(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var mark = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                mark = parser.Current!.End;
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // Expected: this scan only looks for where reading fails; the error is reported by the caller.
        }

        return ((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));
    }

    private Dictionary<string, YamlNode> ReadTopLevel(YamlMappingNode root)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, keyNode, value) in _context.Fields(root))
        {
            if (!TopLevel.Contains(key))
            {
                _context.Error(keyNode, $"unknown field '{key}'; expected one of: {string.Join(", ", TopLevel)}");
                continue;
            }

            fields[key] = value;
        }

        if (!fields.TryGetValue("version", out var version))
        {
            _context.Error(root, "missing 'version: 1'");
        }
        else if (version is not YamlScalarNode { Value: "1" })
        {
            _context.Error(version, $"unsupported version {ParseContext.Describe(version)}; this build reads version 1");
        }

        if (!fields.TryGetValue("queues", out var queues))
        {
            _context.Error(root, "missing 'queues': declare the queues that rules may route to");
        }
        else
        {
            Names(queues, "queues", _declarations.Queues);
        }

        Names(fields.GetValueOrDefault("templates"), "templates", _declarations.Templates, options.KnownTemplates);
        Names(fields.GetValueOrDefault("sla_policies"), "sla_policies", _declarations.SlaPolicies);
        Names(fields.GetValueOrDefault("groups"), "groups", _declarations.Groups);
        if (fields.TryGetValue("sender_lists", out var lists) && _context.TryMapping(lists, "sender_lists", out var listMap))
        {
            foreach (var (name, _, entries) in _context.Fields(listMap))
            {
                if (_context.TryStrings(entries, $"sender_lists.{name}", out var values))
                {
                    _declarations.SenderLists[name] = values.Select(v => v.TrimStart('@', '.')).ToArray();
                }
            }
        }

        return fields;
    }

    private void Names(YamlNode? node, string what, List<string> into, IReadOnlyCollection<string>? known = null)
    {
        if (node is null || !_context.TryStrings(node, what, out var names))
        {
            return;
        }

        var items = node is YamlSequenceNode s ? s.Children.ToList() : [node];
        for (var i = 0; i < names.Count; i++)
        {
            if (into.Contains(names[i], StringComparer.Ordinal))
            {
                _context.Error(items[i], $"'{names[i]}' is declared twice in '{what}'");
            }
            else if (known is not null && !known.Contains(names[i], StringComparer.Ordinal))
            {
                _context.Error(items[i], $"template '{names[i]}' is not one this application can send; known templates: {string.Join(", ", known)}");
            }
            else
            {
                into.Add(names[i]);
            }
        }
    }

    private List<Rule> ReadRules(YamlNode node)
    {
        var rules = new List<Rule>();
        if (node is not YamlSequenceNode sequence)
        {
            _context.Error(node, $"'rules' must be a list of rules, not {ParseContext.Describe(node)}");
            return rules;
        }

        if (sequence.Children.Count > options.MaxRules)
        {
            _context.Error(node, string.Create(CultureInfo.InvariantCulture, $"the file has {sequence.Children.Count:N0} rules; the limit is {options.MaxRules:N0} (RuleSetOptions.MaxRules)"));
            return rules;
        }

        var names = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var stops = new List<(TicketScope Scope, string Name, long Line)>();
        foreach (var item in sequence.Children)
        {
            if (!_context.TryMapping(item, "a rule", out var mapping))
            {
                continue;
            }

            var rule = ReadRule(mapping, names);
            if (rule is null)
            {
                continue;
            }

            // A rule is unreachable when every kind of ticket it applies to was already stopped unconditionally.
            var stoppedFor = stops.Aggregate((TicketScope)0, (acc, s) => acc | s.Scope);
            if ((rule.Scope & ~stoppedFor) == 0)
            {
                var (_, stopName, stopLine) = stops.First(s => (s.Scope & rule.Scope) != 0);
                _context.Error(item, $"rule '{rule.Name}' can never run: rule '{stopName}' (line {stopLine}) has no conditions and stops");
            }

            if (rule.When is null && rule.Then.Stop)
            {
                stops.Add((rule.Scope, rule.Name, item.Start.Line));
            }

            rules.Add(rule);
        }

        return rules;
    }

    private Rule? ReadRule(YamlMappingNode mapping, Dictionary<string, YamlNode> names)
    {
        string? name = null;
        var scope = TicketScope.New;
        Conditions.Condition? when = null;
        RuleActions? then = null;
        var ok = true;
        var seenThen = false;
        foreach (var (key, keyNode, value) in _context.Fields(mapping))
        {
            switch (key)
            {
                case "name":
                    if (_context.TryString(value, key, out var n))
                    {
                        if (names.TryGetValue(n, out var first))
                        {
                            _context.Error(value, $"rule name '{n}' is already used at line {first.Start.Line}");
                            ok = false;
                        }
                        else
                        {
                            names[n] = value;
                        }

                        name = n;
                    }

                    break;
                case "description":
                    ok &= _context.TryString(value, key, out _);
                    break;
                case "applies_to":
                    ok &= TryScope(value, out scope);
                    break;
                case "when":
                    when = new ConditionParser(_context, _declarations).Parse(value, "when");
                    ok &= when is not null;
                    break;
                case "then":
                    seenThen = true;
                    then = new ActionParser(_context, _declarations).Parse(value, "then", isDefaults: false);
                    ok &= then is not null;
                    break;
                default:
                    _context.Error(keyNode, $"unknown field '{key}' in rule; expected one of: {string.Join(", ", RuleFields)}");
                    ok = false;
                    break;
            }
        }

        if (name is null)
        {
            _context.Error(mapping, "a rule needs a 'name'");
        }

        if (!seenThen)
        {
            _context.Error(mapping, $"rule '{name}' has no 'then': say what it does");
        }

        return ok && name is not null && then is not null ? new Rule(name, scope, when, then) : null;
    }

    private bool TryScope(YamlNode value, out TicketScope scope)
    {
        scope = TicketScope.New;
        if (!_context.TryString(value, "applies_to", out var text))
        {
            return false;
        }

        switch (text)
        {
            case "new": scope = TicketScope.New; return true;
            case "follow_up": scope = TicketScope.FollowUp; return true;
            case "both": scope = TicketScope.Both; return true;
            default:
                _context.Error(value, $"'applies_to' must be new, follow_up or both, not '{text}'");
                return false;
        }
    }
}
