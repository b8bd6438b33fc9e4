using System.Globalization;
using MailTicketing.Bench.Imap;

// Driven by bench/imap.sh (which starts the test servers and sources their servers.env):
//   WORK_DIR REPORT_MD [--count N] [--latency N] [--seed N] [--meta TEXT]
if (args is not [var work, var report, .. var rest])
{
    Console.Error.WriteLine("usage: WORK_DIR REPORT_MD [--count N] [--latency N] [--seed N] [--meta TEXT]");
    return 2;
}

var settings = new ImapBenchSettings(
    Path.GetFullPath(work),
    Path.GetFullPath(report),
    Count: Option(rest, "--count", 20_000),
    Latency: Option(rest, "--latency", 200),
    Seed: Option(rest, "--seed", 20260302),
    Meta: TextOption(rest, "--meta") ?? "");
return await ImapBench.RunAsync(settings, Console.Error);

static int Option(string[] options, string name, int fallback) =>
    TextOption(options, name) is { } text ? int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : fallback;

static string? TextOption(string[] options, string name)
{
    var index = Array.IndexOf(options, name);
    return index >= 0 && index + 1 < options.Length ? options[index + 1] : null;
}
