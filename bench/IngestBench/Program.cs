using System.Globalization;
using MailTicketing.Bench.Ingest;

// Driven by bench/ingest.sh:
//   prepare WORK_DIR COUNT [--seed N]                       writes the mail set (cached), prints the list file
//   run LIST_FILE WORK_DIR REPORT_MD [--existing N] [--batch N] [--rounds N] [--parse-passes N]
//       [--warmup-seconds S] [--seed N] [--history bulk|pipeline] [--breakdown N] [--meta TEXT] [--keep] [--only-pipeline]
switch (args)
{
    case ["prepare", var work, var count, .. var rest]:
        Console.WriteLine(MailSet.Write(Path.GetFullPath(work), ParseInt(count), Option(rest, "--seed", 20260302), Console.Error));
        return 0;
    case ["run", var list, var work, var report, .. var rest]:
        var settings = new BenchSettings(
            Path.GetFullPath(list),
            Path.GetFullPath(work),
            Path.GetFullPath(report),
            Existing: Option(rest, "--existing", 200_000),
            Batch: Option(rest, "--batch", 2_000),
            Rounds: Option(rest, "--rounds", 2),
            ParsePasses: Option(rest, "--parse-passes", 3),
            WarmupSeconds: Option(rest, "--warmup-seconds", 10),
            Seed: Option(rest, "--seed", 20260302),
            History: TextOption(rest, "--history") ?? "bulk",
            Breakdown: Option(rest, "--breakdown", 5_000),
            Meta: TextOption(rest, "--meta") ?? "",
            Keep: rest.Contains("--keep"),
            OnlyPipeline: rest.Contains("--only-pipeline"));
        return await Bench.RunAsync(settings, Console.Out, Console.Error);
    default:
        Console.Error.WriteLine("usage: prepare WORK_DIR COUNT [--seed N] | run LIST_FILE WORK_DIR REPORT_MD [--existing N] [--batch N] [--rounds N] [--parse-passes N] [--warmup-seconds S] [--seed N] [--history bulk|pipeline] [--breakdown N] [--meta TEXT] [--keep] [--only-pipeline]");
        return 2;
}

static int ParseInt(string text) => int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

static int Option(string[] options, string name, int fallback) =>
    TextOption(options, name) is { } text ? ParseInt(text) : fallback;

static string? TextOption(string[] options, string name)
{
    var index = Array.IndexOf(options, name);
    return index >= 0 && index + 1 < options.Length ? options[index + 1] : null;
}
