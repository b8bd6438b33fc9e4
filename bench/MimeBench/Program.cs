using System.Diagnostics;
using System.Runtime;
using System.Text.Json;
using MailTicketing.Bench.Mime;

// Driven by bench/mime.sh:
//   prepare CORPUS_DIR WORK_DIR [--quick] [--seed N]   writes WORK_DIR/corpus.list and WORK_DIR/synthetic.list
//   run LIST_FILE LABEL PASSES WARMUP WARMUP_SECONDS     prints one JSON line, same shape as the baselines'
switch (args)
{
    case ["prepare", var corpus, var work, .. var rest]:
        Prepare(corpus, work, rest.Contains("--quick"), SeedFrom(rest));
        return 0;
    case ["run", var list, var label, var passes, var warmup, var warmupSeconds]:
        Run(list, label, ParseInt(passes), ParseInt(warmup), ParseInt(warmupSeconds));
        return 0;
    default:
        Console.Error.WriteLine("usage: prepare CORPUS_DIR WORK_DIR [--quick] [--seed N] | run LIST_FILE LABEL PASSES WARMUP WARMUP_SECONDS");
        return 2;
}

static int ParseInt(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

static int SeedFrom(string[] options)
{
    var index = Array.IndexOf(options, "--seed");
    return index >= 0 && index + 1 < options.Length ? ParseInt(options[index + 1]) : 20260302;
}

static void Prepare(string corpus, string work, bool quick, int seed)
{
    Directory.CreateDirectory(work);
    var corpusFiles = CorpusSelection.Select(corpus, Console.Error);
    File.WriteAllLines(Path.Combine(work, "corpus.list"), corpusFiles);
    var syntheticFolder = Path.Combine(work, quick ? "synthetic-quick" : "synthetic");
    var syntheticFiles = SyntheticCorpus.Write(syntheticFolder, quick, seed, Console.Error);
    File.WriteAllLines(Path.Combine(work, "synthetic.list"), syntheticFiles);
}

static void Run(string listFile, string label, int passes, int warmup, int warmupSeconds)
{
    var files = File.ReadAllLines(listFile).Where(line => line.Length > 0).ToArray();
    var bytes = files.Sum(path => new FileInfo(path).Length);
    var run = new OurParserRun(files);

    // Warm up for WARMUP passes and at least WARMUP_SECONDS, as the baselines do: a long-running worker
    // runs tier-1 code, and tiering needs many calls. The heap is sampled while warming up only,
    // so measured passes carry no sampling cost.
    var warmupStarted = Stopwatch.GetTimestamp();
    var warmupPasses = 0;
    while (warmupPasses < warmup || (warmup > 0 && Stopwatch.GetElapsedTime(warmupStarted).TotalSeconds < warmupSeconds))
    {
        run.RunPass(sampleHeap: true);
        warmupPasses++;
    }

    var seconds = new List<double>();
    var cpuSeconds = new List<double>();
    var allocated = new List<long>();
    var collections = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
    for (var i = 0; i < passes; i++)
    {
        var before = GC.GetTotalAllocatedBytes(precise: false);
        var (wall, cpu) = run.RunPass(sampleHeap: warmup == 0);
        seconds.Add(wall);
        cpuSeconds.Add(cpu);
        allocated.Add(GC.GetTotalAllocatedBytes(precise: false) - before);
    }

    var result = new
    {
        parser = $"ours, MailTicketing.Mime (.NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC)",
        label,
        files = files.Length,
        bytes,
        warmupPasses,
        passes = seconds,
        cpuPasses = cpuSeconds,
        totals = run.Totals,
        failedSample = run.Failed.Take(20),
        phases = run.Phases,
        slowest = run.Slowest(5),
        managed = new
        {
            peakHeapBytes = run.PeakManagedHeap,
            allocatedBytesPerPass = allocated.Count > 0 ? allocated.Min() : 0,
            gen0 = (GC.CollectionCount(0) - collections[0]) / Math.Max(passes, 1),
            gen1 = (GC.CollectionCount(1) - collections[1]) / Math.Max(passes, 1),
            gen2 = (GC.CollectionCount(2) - collections[2]) / Math.Max(passes, 1),
        },
    };
    Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
}
