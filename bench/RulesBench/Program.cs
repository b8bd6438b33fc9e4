using System.Globalization;
using MailTicketing.Bench.Rules;

// Driven by bench/rules.sh:
//   RULES_FILE REPORT_MD [--count N] [--generated N] [--passes N] [--warmup-seconds S] [--seed N] [--meta TEXT]
switch (args)
{
    case [var rules, var report, .. var rest]:
        var settings = new BenchSettings(
            Path.GetFullPath(rules),
            Path.GetFullPath(report),
            Count: Option(rest, "--count", 10_000),
            Generated: Option(rest, "--generated", 500),
            Passes: Option(rest, "--passes", 3),
            WarmupSeconds: Option(rest, "--warmup-seconds", 10),
            Seed: Option(rest, "--seed", 20260302),
            Meta: TextOption(rest, "--meta") ?? "");
        return Bench.Run(settings, Console.Out, Console.Error);
    default:
        Console.Error.WriteLine("usage: RULES_FILE REPORT_MD [--count N] [--generated N] [--passes N] [--warmup-seconds S] [--seed N] [--meta TEXT]");
        return 2;
}

static int Option(string[] options, string name, int fallback) =>
    TextOption(options, name) is { } text ? int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : fallback;

static string? TextOption(string[] options, string name)
{
    var index = Array.IndexOf(options, name);
    return index >= 0 && index + 1 < options.Length ? options[index + 1] : null;
}
