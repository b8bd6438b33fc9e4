using System.Globalization;
using System.Text;
using MailTicketing.Bench.Ingest;
using MailTicketing.Rules;

namespace MailTicketing.Bench.Rules;

internal sealed record BenchResult(
    BenchSettings Settings,
    RuleSet Rules,
    int Messages,
    long Bytes,
    double TextChars,
    Timing Load,
    Timing Extract,
    Timing Parse,
    Timing Route,
    Timing Explain,
    FiredStats Fired,
    long Checksum)
{
    public string Markdown()
    {
        var parse = Parse.PerSecond(Messages);
        var route = Route.PerSecond(Messages);
        var explain = Explain.PerSecond(Messages);
        var ratio = route / parse;
        var cpuRatio = Route.PerCpuSecond(Messages) / Parse.PerCpuSecond(Messages);
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append("# Rules benchmark\n\n");
        text.Append(c, $"{Settings.Meta}\n\n");
        text.Append(c, $"Rules: `{Path.GetFileName(Settings.RulesFile)}` ({Rules.RuleNames.Count - Settings.Generated} rules) with {Settings.Generated} generated rules inserted before them: {Rules.RuleNames.Count} in all, loaded (parsed, validated, regexes built) in {Load.WallSeconds * 1000:F0} ms.\n");
        text.Append(c, $"Messages: {Messages:N0} generated support mails ({Bytes / 1e6:F1} MB with attachments; subject and new text {TextChars:F0} characters on average; Chinese and English, new problems and follow-ups; seed {Settings.Seed}), in memory.\n");
        text.Append(c, $"Median of {Settings.Passes} passes after a warm-up of at least {Settings.WarmupSeconds} s.\n\n");
        text.Append("| measure | messages/s (wall) | messages/s (CPU) | µs/message |\n|---|---|---|---|\n");
        Row(text, "MIME parse (baseline)", Parse);
        Row(text, "rule evaluation, as ingestion routes", Route);
        Row(text, "rule evaluation with every rule explained (`rules test`)", Explain);
        text.Append(c, $"\n**evaluation / parse: {ratio:F1}x** (CPU {cpuRatio:F1}x); with explanations {explain / parse:F1}x. ");
        text.Append(ratio >= 1 ? "Rule evaluation is not the bottleneck: it is faster than parsing the same messages.\n\n" : "**Rule evaluation is slower than parsing: it would be the bottleneck.**\n\n");
        text.Append(c, $"For scale: reading the facts rules look at (parse, redaction, reply split, extraction) took {Extract.WallSeconds * 1e6 / Messages:F0} µs/message; that is ingestion's cost, paid once whatever the rules.\n\n");
        text.Append(c, $"Rules fired per message: {Fired.AverageFired:F2} on average; a generated rule fired for {Fired.MessagesWithGeneratedRule:N0} of {Messages:N0} messages. ");
        text.Append("Queues: ").Append(string.Join(", ", Fired.Queues.Select(q => $"{q.Key} {q.Value:N0}"))).Append(".\n\n");
        text.Append(c, $"JIT during the measured parse / evaluation passes: {Parse.Jit()}; {Route.Jit()}. GC gen0/gen2 during evaluation: {Route.Gen0}/{Route.Gen2}. Checksum {Checksum}.\n");
        return text.ToString();
    }

    private void Row(StringBuilder text, string name, Timing timing) =>
        text.Append(CultureInfo.InvariantCulture, $"| {name} | {timing.PerSecond(Messages):N0} | {timing.PerCpuSecond(Messages):N0} | {timing.WallSeconds * 1e6 / Messages:F1} |\n");
}
