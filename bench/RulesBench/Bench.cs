using System.Diagnostics;
using MailTicketing.Bench.Ingest;
using MailTicketing.Mime;
using MailTicketing.Rules;
using MailTicketing.Tickets.Acknowledgements;
using MailTicketing.Tickets.Configuration;
using MailTicketing.Tickets.Routing;

namespace MailTicketing.Bench.Rules;

/// <summary>
/// Routing cost against parsing cost, in one run on the same messages: the MIME parse of each
/// message (the baseline, as the ingest benchmark measures it), rule evaluation as ingestion
/// routes (no explanations), and evaluation with an explanation for every rule (what
/// `rules test` prints). Messages are generated in memory, so neither side reads files.
/// </summary>
internal static class Bench
{
    private static readonly Dictionary<string, MailboxDefinition> Mailboxes = new()
    {
        ["support"] = new("support", "support@exchange.example", "SUP", TimeSpan.FromHours(24), "Support"),
        ["security"] = new("security", "security@exchange.example", "SEC", TimeSpan.FromHours(4), "Security"),
        ["compliance"] = new("compliance", "compliance@exchange.example", "CMP", TimeSpan.FromHours(72), "Compliance"),
    };

    public static int Run(BenchSettings settings, TextWriter output, TextWriter log)
    {
        log.WriteLine($"rules: {settings.RulesFile} + {settings.Generated} generated");
        var yaml = Combine(File.ReadAllText(settings.RulesFile), GeneratedRules.Yaml(settings.Generated, settings.Seed));
        var options = new RuleSetOptions { KnownTemplates = AcknowledgementTemplates.Names };
        RuleLoadResult loaded = null!;
        var load = Timing.Measure(() => loaded = RuleSet.Parse(yaml, "rules+generated.yaml", options));
        if (!loaded.TryGetRuleSet(out var rules))
        {
            foreach (var error in loaded.Errors.Take(20))
            {
                log.WriteLine(error);
            }

            return 1;
        }

        log.WriteLine($"mail: {settings.Count:N0} messages");
        var mails = new MailGenerator(settings.Seed, settings.Count, new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(30), "rules")
            .Generate(settings.Count).ToList();
        var bytes = mails.Sum(m => (long)m.Bytes.Length);

        log.WriteLine("facts: parse and extract once (not part of either measure)");
        List<RoutingFacts> facts = [];
        var extract = Timing.Measure(() => facts = Facts(mails));

        log.WriteLine($"warm-up: at least {settings.WarmupSeconds} s");
        var warmup = Stopwatch.StartNew();
        do
        {
            ParsePass(mails);
            EvaluatePass(rules, facts, explain: false);
            EvaluatePass(rules, facts, explain: true);
        }
        while (warmup.Elapsed < TimeSpan.FromSeconds(settings.WarmupSeconds));

        var parse = new List<Timing>();
        var route = new List<Timing>();
        var explain = new List<Timing>();
        long checksum = 0;
        for (var pass = 0; pass < settings.Passes; pass++)
        {
            parse.Add(Timing.Measure(() => checksum += ParsePass(mails)));
            route.Add(Timing.Measure(() => checksum += EvaluatePass(rules, facts, explain: false)));
            explain.Add(Timing.Measure(() => checksum += EvaluatePass(rules, facts, explain: true)));
            log.WriteLine($"pass {pass + 1}: parse {parse[^1].PerSecond(mails.Count):N0}/s, evaluate {route[^1].PerSecond(mails.Count):N0}/s, with explanations {explain[^1].PerSecond(mails.Count):N0}/s");
        }

        var textChars = facts.Average(f => f.Subject.Length + f.Text.Length);
        var result = new BenchResult(settings, rules, mails.Count, bytes, textChars, load, extract, Median(parse), Median(route), Median(explain), Fired(rules, facts), checksum);
        var report = result.Markdown();
        Directory.CreateDirectory(Path.GetDirectoryName(settings.Report)!);
        File.WriteAllText(settings.Report, report);
        output.Write(report);
        return 0;
    }

    /// <summary>Inserts the generated rules before the file's own, so that every message meets all of them (the file's rules stop early for some mail).</summary>
    private static string Combine(string sample, string generated)
    {
        var at = sample.IndexOf("\nrules:\n", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException("the rules file has no top-level 'rules:' line");
        }

        at += "\nrules:\n".Length;
        return sample[..at] + generated + sample[at..];
    }

    private static List<RoutingFacts> Facts(List<GeneratedMail> mails)
    {
        var facts = new List<RoutingFacts>(mails.Count);
        foreach (var mail in mails)
        {
            using var message = MimeMessage.Parse(mail.Bytes);
            var isNew = mail.Kind is "new" or "cross-posted" or "list";
            var input = RoutingInput.Read(message, Mailboxes[mail.Mailbox], isNew)
                ?? throw new InvalidOperationException($"{mail.Name} has no sender");
            facts.Add(RulesRoutingPolicy.Facts(input));
        }

        return facts;
    }

    /// <summary>What the ingest benchmark's parse baseline reads: subject, from, text body, every attachment's decoded length.</summary>
    private static long ParsePass(List<GeneratedMail> mails)
    {
        long total = 0;
        foreach (var mail in mails)
        {
            using var message = MimeMessage.Load(new MemoryStream(mail.Bytes, writable: false));
            total += message.Subject?.Length ?? 0;
            total += message.From.ToString().Length;
            total += message.TextBody?.Length ?? 0;
            foreach (var attachment in message.Attachments)
            {
                total += attachment switch
                {
                    MimePart part => part.Content.Length,
                    MessagePart embedded => embedded.RawContent.Length,
                    _ => 0,
                };
            }
        }

        return total;
    }

    private static long EvaluatePass(RuleSet rules, List<RoutingFacts> facts, bool explain)
    {
        long total = 0;
        foreach (var message in facts)
        {
            var outcome = explain ? rules.Evaluate(message) : rules.Route(message);
            total += outcome.FiredRules.Count + outcome.Explanations.Count;
        }

        return total;
    }

    private static FiredStats Fired(RuleSet rules, List<RoutingFacts> facts)
    {
        var outcomes = facts.Select(rules.Route).ToList();
        return new FiredStats(
            outcomes.Average(o => o.FiredRules.Count),
            outcomes.Count(o => o.FiredRules.Any(r => r.StartsWith("generated-", StringComparison.Ordinal))),
            outcomes.GroupBy(o => o.Queue ?? "(mailbox)").OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count()));
    }

    private static Timing Median(List<Timing> timings) => timings.OrderBy(t => t.WallSeconds).ElementAt(timings.Count / 2);
}
