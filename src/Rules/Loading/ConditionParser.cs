using MailTicketing.Rules.Conditions;
using MailTicketing.Rules.Evaluation;
using YamlDotNet.RepresentationModel;

namespace MailTicketing.Rules.Loading;

/// <summary>Turns a <c>when:</c> node into a compiled condition, reporting every problem found.</summary>
internal sealed class ConditionParser(ParseContext context, RuleDeclarations declarations)
{
    internal static readonly string[] Kinds =
    [
        "mailbox", "sender", "sender_domain", "sender_list", "subject_has", "text_has", "content_has",
        "subject_matches", "text_matches", "content_matches", "has", "txid_chain", "amount_over",
        "attachment_type", "language", "auth_failed", "auto_reply", "bounce", "ticket", "all", "any", "not",
    ];

    private static readonly string[] Identifiers = ["uid", "txid", "order", "amount", "attachment"];

    /// <summary>A mapping (all of its fields must hold) or a list of such mappings.</summary>
    public Condition? Parse(YamlNode node, string what)
    {
        if (node is YamlMappingNode mapping)
        {
            return ParseMapping(mapping, what);
        }

        if (node is YamlSequenceNode sequence)
        {
            var parts = ParseList(sequence, what);
            return parts is null ? null : parts.Count == 1 ? parts[0] : new AllCondition(parts);
        }

        context.Error(node, $"'{what}' must be a condition such as 'subject_has: [...]' or a list of conditions, not {ParseContext.Describe(node)}");
        return null;
    }

    private List<Condition>? ParseList(YamlSequenceNode sequence, string what)
    {
        if (sequence.Children.Count == 0)
        {
            context.Error(sequence, $"'{what}' must not be an empty list");
            return null;
        }

        var parts = new List<Condition>();
        var ok = true;
        foreach (var item in sequence.Children)
        {
            if (Parse(item, what) is { } part)
            {
                parts.Add(part);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? parts : null;
    }

    private Condition? ParseMapping(YamlMappingNode mapping, string what)
    {
        if (mapping.Children.Count == 0)
        {
            context.Error(mapping, $"'{what}' must not be empty; leave it out for a rule that always matches");
            return null;
        }

        var parts = new List<Condition>();
        var ok = true;
        foreach (var (key, keyNode, value) in context.Fields(mapping))
        {
            var part = ParseKind(key, keyNode, value);
            ok &= part is not null;
            if (part is not null)
            {
                parts.Add(part);
            }
        }

        return !ok || parts.Count == 0 ? null : parts.Count == 1 ? parts[0] : new AllCondition(parts);
    }

    private Condition? ParseKind(string key, YamlNode keyNode, YamlNode value) => key switch
    {
        "mailbox" => Addresses(key, value, f => f.Mailbox, f => f.MailboxLower, "mailbox"),
        "sender" => Addresses(key, value, f => f.SenderAddress, f => f.SenderLower, "sender"),
        "sender_domain" => Domains(key, value),
        "sender_list" => SenderList(key, value),
        "subject_has" => Keywords(key, value, TextField.Subject),
        "text_has" => Keywords(key, value, TextField.Text),
        "content_has" => Keywords(key, value, TextField.Content),
        "subject_matches" => Patterns(key, value, TextField.Subject),
        "text_matches" => Patterns(key, value, TextField.Text),
        "content_matches" => Patterns(key, value, TextField.Content),
        "has" => Has(key, value),
        "txid_chain" => TxidChain(key, value),
        "amount_over" => AmountOver(key, value),
        "attachment_type" => AttachmentType(key, value),
        "language" => Language(key, value),
        "auth_failed" => Flag(key, value, f => f.AuthenticationFailed, "authentication failed"),
        "auto_reply" => Flag(key, value, f => f.IsAutoReply, "auto-reply"),
        "bounce" => Flag(key, value, f => f.IsBounce, "bounce"),
        "ticket" => Ticket(key, value),
        "all" => Combine(key, value, parts => new AllCondition(parts)),
        "any" => Combine(key, value, parts => new AnyCondition(parts)),
        "not" => Parse(value, key) is { } inner ? new NotCondition(inner) : null,
        _ => Unknown(keyNode, key),
    };

    private Condition? Unknown(YamlNode keyNode, string key)
    {
        context.Error(keyNode, $"unknown condition '{key}'; expected one of: {string.Join(", ", Kinds)}");
        return null;
    }

    private Condition? Combine(string key, YamlNode value, Func<IReadOnlyList<Condition>, Condition> make)
    {
        if (value is not YamlSequenceNode sequence)
        {
            context.Error(value, $"'{key}' must be a list of conditions, not {ParseContext.Describe(value)}");
            return null;
        }

        return ParseList(sequence, key) is { } parts ? make(parts) : null;
    }

    private Condition? Addresses(string key, YamlNode value, Func<MessageView, string> select, Func<MessageView, string> selectLower, string name)
    {
        if (!context.TryStrings(value, key, out var wanted))
        {
            return null;
        }

        if (wanted.FirstOrDefault(a => a.IndexOf('@') <= 0) is { } bad)
        {
            context.Error(value, $"'{key}' must be a full address such as support@example.com, not '{bad}'");
            return null;
        }

        // Compared lower-cased and ordinal: the message's side is lower-cased once, not per rule.
        var lower = wanted.Select(a => a.ToLowerInvariant()).Distinct().ToArray();
        var list = string.Join(", ", wanted);
        return new FactCondition(
            f => Array.IndexOf(lower, selectLower(f)) >= 0,
            (f, ok) => ok ? $"{name} is {select(f)}" : $"{name} '{select(f)}' is not {list}");
    }

    private Condition? Domains(string key, YamlNode value)
    {
        if (!context.TryStrings(value, key, out var wanted))
        {
            return null;
        }

        if (wanted.FirstOrDefault(d => d.Contains('@')) is { } bad)
        {
            context.Error(value, $"'{key}' must be a domain such as example.com, not '{bad}'; use 'sender' for addresses");
            return null;
        }

        var domains = wanted.Select(d => d.TrimStart('.')).ToArray();
        var lower = domains.Select(d => d.ToLowerInvariant()).ToArray();
        var list = string.Join(", ", domains);
        return new FactCondition(
            f => AnyDomainMatches(f.SenderDomainLower, lower),
            (f, ok) => ok ? $"sender domain {f.SenderDomain} is in {list}" : $"sender domain '{f.SenderDomain}' is not in {list}");
    }

    /// <summary>
    /// A domain matches itself and its subdomains, so example.com covers mail.example.com. Both
    /// sides are lower-case already, so the comparison is ordinal: no case folding per rule.
    /// </summary>
    private static bool AnyDomainMatches(string actual, string[] domains)
    {
        foreach (var wanted in domains)
        {
            if (actual.Length >= wanted.Length
                && actual.EndsWith(wanted, StringComparison.Ordinal)
                && (actual.Length == wanted.Length || actual[actual.Length - wanted.Length - 1] == '.'))
            {
                return true;
            }
        }

        return false;
    }

    private Condition? SenderList(string key, YamlNode value)
    {
        if (!context.TryString(value, key, out var name))
        {
            return null;
        }

        if (!declarations.SenderLists.TryGetValue(name, out var entries))
        {
            context.Error(value, $"unknown sender list '{name}'; declare it under 'sender_lists'");
            return null;
        }

        var addresses = entries.Where(e => e.Contains('@')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var domains = entries.Where(e => !e.Contains('@')).Select(d => d.ToLowerInvariant()).ToArray();
        return new FactCondition(
            f => addresses.Contains(f.SenderAddress) || AnyDomainMatches(f.SenderDomainLower, domains),
            (f, ok) => ok ? $"sender {f.SenderAddress} is on list '{name}'" : $"sender '{f.SenderAddress}' is not on list '{name}'");
    }

    private Condition? Keywords(string key, YamlNode value, TextField field)
    {
        if (!context.TryStrings(value, key, out var keywords))
        {
            return null;
        }

        var folded = keywords.Select(TextFold.WidthAndCase).Distinct().ToArray();
        var ids = folded.Select(k => KeywordCondition.Indexable(k) ? declarations.Keywords.Register(k) : -1).ToArray();
        return new KeywordCondition(field, folded, ids);
    }

    private Condition? Patterns(string key, YamlNode value, TextField field)
    {
        if (!context.TryStrings(value, key, out var patterns))
        {
            return null;
        }

        var items = value is YamlSequenceNode s ? s.Children.ToList() : [value];
        var regexes = new List<System.Text.RegularExpressions.Regex>();
        var ok = true;
        for (var i = 0; i < patterns.Count; i++)
        {
            if (RegexFactory.TryCreate(context, items[i], patterns[i], out var regex))
            {
                regexes.Add(regex);
            }
            else
            {
                ok = false;
            }
        }

        if (!ok)
        {
            return null;
        }

        var literals = patterns.Select(p => RegexLiteral.Required(p) is { } required && required.All(l => TextFold.WidthAndCase(l) == l)
            ? required.Select(declarations.Keywords.Register).ToArray()
            : []);
        return new RegexCondition(field, [.. regexes], [.. literals]);
    }

    private Condition? Has(string key, YamlNode value)
    {
        if (!context.TryStrings(value, key, out var wanted))
        {
            return null;
        }

        if (wanted.FirstOrDefault(w => !Identifiers.Contains(w)) is { } bad)
        {
            context.Error(value, $"'has' does not know '{bad}'; expected one of: {string.Join(", ", Identifiers)}");
            return null;
        }

        var list = string.Join(", ", wanted);
        var kinds = wanted.ToArray();
        return new FactCondition(
            f => AllPresent(f, kinds),
            (f, ok) => ok ? $"has {list}" : $"lacks {string.Join(", ", wanted.Where(w => !Present(f, w)))}");
    }

    private static bool AllPresent(MessageView f, string[] identifiers)
    {
        foreach (var identifier in identifiers)
        {
            if (!Present(f, identifier))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Present(MessageView f, string identifier) => identifier switch
    {
        "uid" => f.Uids.Count > 0,
        "txid" => f.Transactions.Count > 0,
        "order" => f.OrderIds.Count > 0,
        "amount" => f.Amounts.Count > 0,
        _ => f.AttachmentContentTypes.Count > 0,
    };

    private Condition? TxidChain(string key, YamlNode value)
    {
        if (!context.TryStrings(value, key, out var chains))
        {
            return null;
        }

        if (chains.FirstOrDefault(c => ChainNames.Canonical(c) is null) is { } bad)
        {
            context.Error(value, $"'{key}' does not know the chain '{bad}'; expected one of: {string.Join(", ", ChainNames.Known)} "
                + "(or TRC20, ERC20, BEP20, BTC, SOL, which name one of them)");
            return null;
        }

        var set = chains.Select(c => ChainNames.Canonical(c)!).ToHashSet(StringComparer.Ordinal);
        var list = string.Join(", ", chains);
        return new FactCondition(
            f => f.Transactions.Any(t => t.Chain is not null && ChainNames.Canonical(t.Chain) is { } chain && set.Contains(chain)),
            (f, ok) => ok ? $"a TxID is on {list}" : $"no TxID on {list}");
    }

    private Condition? AmountOver(string key, YamlNode value)
    {
        if (!context.TryMapping(value, key, out var mapping))
        {
            return null;
        }

        var thresholds = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        var ok = mapping.Children.Count > 0;
        if (!ok)
        {
            context.Error(value, "'amount_over' needs at least one asset, e.g. 'USDT: 10000'");
        }

        foreach (var (asset, _, limit) in context.Fields(mapping))
        {
            if (context.TryDecimal(limit, $"amount_over.{asset}", out var threshold))
            {
                thresholds[asset] = threshold;
            }
            else
            {
                ok = false;
            }
        }

        if (!ok)
        {
            return null;
        }

        var list = string.Join(", ", thresholds.Select(t => $"{t.Value} {t.Key}"));
        return new FactCondition(
            f => f.Amounts.Any(a => thresholds.TryGetValue(a.Asset, out var t) && a.Value > t),
            (f, ok) => ok ? $"an amount is over {list}" : $"no amount over {list}");
    }

    private Condition? AttachmentType(string key, YamlNode value)
    {
        if (!context.TryStrings(value, key, out var types))
        {
            return null;
        }

        if (types.FirstOrDefault(t => t.Split('/') is not [{ Length: > 0 }, { Length: > 0 }]) is { } bad)
        {
            context.Error(value, $"'{key}' must be a content type such as image/png or image/*, not '{bad}'");
            return null;
        }

        var list = string.Join(", ", types);
        return new FactCondition(
            f => f.AttachmentContentTypes.Any(a => types.Any(t => ContentTypeMatches(a, t))),
            (f, ok) => ok ? $"has an attachment of type {list}" : $"no attachment of type {list}");
    }

    internal static bool ContentTypeMatches(string actual, string wanted)
    {
        var semicolon = actual.IndexOf(';');
        var bare = (semicolon < 0 ? actual : actual[..semicolon]).Trim();
        return wanted.EndsWith("/*", StringComparison.Ordinal)
            ? bare.StartsWith(wanted[..^1], StringComparison.OrdinalIgnoreCase)
            : bare.Equals(wanted, StringComparison.OrdinalIgnoreCase);
    }

    private Condition? Language(string key, YamlNode value)
    {
        if (!context.TryStrings(value, key, out var languages))
        {
            return null;
        }

        if (languages.FirstOrDefault(l => l.Length is < 2 or > 3 || !l.All(char.IsAsciiLetterLower)) is { } bad)
        {
            context.Error(value, $"'{key}' must be a language code such as zh or en, not '{bad}'");
            return null;
        }

        var list = string.Join(", ", languages);
        var set = languages.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new FactCondition(
            f => f.Language is not null && set.Contains(f.Language),
            (f, ok) => ok ? $"language is {f.Language}" : $"language '{f.Language ?? "unknown"}' is not {list}");
    }

    private Condition? Flag(string key, YamlNode value, Func<MessageView, bool> select, string name)
    {
        if (!context.TryBool(value, key, out var wanted))
        {
            return null;
        }

        return new FactCondition(
            f => select(f) == wanted,
            (f, _) => select(f) ? $"is {name}" : $"is not {name}");
    }

    private Condition? Ticket(string key, YamlNode value)
    {
        if (!context.TryString(value, key, out var kind))
        {
            return null;
        }

        if (kind is not ("new" or "follow_up"))
        {
            context.Error(value, $"'{key}' must be new or follow_up, not '{kind}'");
            return null;
        }

        var wantNew = kind == "new";
        return new FactCondition(
            f => f.IsNewTicket == wantNew,
            (f, _) => f.IsNewTicket ? "is a new ticket" : "is a follow-up");
    }
}
