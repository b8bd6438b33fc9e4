using System.Diagnostics;
using MailTicketing.Tickets.Ingestion;

namespace MailTicketing.Bench.Ingest;

/// <summary>
/// One run, in one process, so every number is measured against a baseline taken on the same
/// machine at the same time: warm-up, the parse alone, the whole pipeline into a fresh file,
/// exactly-once checks, the stages on their own, then the empty database against a full one.
/// </summary>
internal static class Bench
{
    // Enough messages for tiered compilation to reach tier 1 on every path ingestion takes.
    private const int WarmupMessages = 2_000;

    // Messages per transaction in the group-commit what-if.

    public static async Task<int> RunAsync(BenchSettings settings, TextWriter output, TextWriter log)
    {
        var files = MailFile.ReadList(settings.ListFile);
        var result = new BenchResult
        {
            Files = files.Count,
            Bytes = files.Sum(f => new FileInfo(f.Path).Length),
            Kinds = files.GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.Count()),
            Batch = Math.Min(settings.Batch, files.Count),
        };
        var runFolder = Path.Combine(settings.Work, $"run-{Environment.ProcessId}");
        Directory.CreateDirectory(runFolder);
        try
        {
            await WarmUpAsync(settings, files, runFolder, result, log);
            if (settings.OnlyPipeline)
            {
                await ProfilePipelineAsync(settings, files, runFolder, output);
                return 0;
            }

            log.WriteLine($"parse: pass 1 of {settings.ParsePasses}");
            MeasureParse(files, result);

            log.WriteLine($"pipeline: {files.Count:N0} messages into a fresh database");
            using (var pipeline = await Pipeline.OpenAsync(Path.Combine(runFolder, "pipeline")))
            {
                var allocated = GC.GetTotalAllocatedBytes(precise: false);
                result.Pipeline = await Timing.MeasureAsync(async () => result.PipelineOutcomes = await pipeline.IngestAsync(files.Select(Pipeline.FromFile)));
                result.PipelineAllocatedPerMessage = (GC.GetTotalAllocatedBytes(precise: false) - allocated) / files.Count;
                log.WriteLine($"pipeline: {result.Pipeline.WallSeconds:F1} s, {result.PipelineOutcomes.Summary()}");
                result.AfterPipeline = DatabaseCounts.Read(pipeline.DatabasePath);

                log.WriteLine("pipeline: the same files again (exactly-once)");
                result.Rerun = await Timing.MeasureAsync(async () => result.RerunOutcomes = await pipeline.IngestAsync(files.Select(Pipeline.FromFile)));
                result.AfterRerun = DatabaseCounts.Read(pipeline.DatabasePath);
            }

            for (var pass = 2; pass <= settings.ParsePasses; pass++)
            {
                log.WriteLine($"parse: pass {pass} of {settings.ParsePasses}");
                MeasureParse(files, result);
            }

            log.WriteLine("stages: each CPU stage on its own");
            result.Stages = StageTimes.Measure(files);

            if (settings.Breakdown > 0)
            {
                var sample = files.Take(settings.Breakdown).ToList();
                log.WriteLine($"breakdown: {sample.Count:N0} messages through a store that times each call");
                var times = new StoreCallTimes();
                using var pipeline = await Pipeline.OpenAsync(Path.Combine(runFolder, "breakdown"), times);
                result.Breakdown = await Timing.MeasureAsync(() => pipeline.IngestAsync(sample.Select(Pipeline.FromFile)));
                result.BreakdownMessages = sample.Count;
                result.StoreCalls = times;

            }

            await MeasureScaleAsync(settings, files.Count, runFolder, result, log);
        }
        finally
        {
            if (!settings.Keep)
            {
                Directory.Delete(runFolder, recursive: true);
            }
        }

        var report = Report.Write(result, settings);
        output.Write(report.Table);
        Directory.CreateDirectory(Path.GetDirectoryName(settings.ReportFile)!);
        await File.WriteAllTextAsync(settings.ReportFile, report.Markdown);
        log.WriteLine($"report: {settings.ReportFile}");
        return report.Passed ? 0 : 1;
    }

    /// <summary>
    /// The pipeline alone, each pass into a fresh database: a steady state to attach a profiler to.
    /// Odd passes read the files as `import` does; even passes hand the same bytes over from memory.
    /// </summary>
    private static async Task ProfilePipelineAsync(BenchSettings settings, IReadOnlyList<MailFile> files, string runFolder, TextWriter output)
    {
        var inMemory = files.Select(f => new GeneratedMail(f.Mailbox, Path.GetFileName(f.Path), f.Kind, File.ReadAllBytes(f.Path))).ToList();
        using var ticks = Environment.GetEnvironmentVariable("MT_ALLOC_TICKS") is null ? null : new AllocTicks();
        for (var pass = 1; pass <= settings.ParsePasses; pass++)
        {
            var fromFiles = pass % 2 == 1;
            using var pipeline = await Pipeline.OpenAsync(Path.Combine(runFolder, $"profile-{pass}"));
            OutcomeCounts counts = new();
            var mails = fromFiles ? files.Select(Pipeline.FromFile) : inMemory.Select(m => Pipeline.FromMemory(m, "import:bench"));
            if (ticks is not null)
            {
                // The first passes still compile (JIT allocations are not the pipeline's).
                ticks.On = pass > 2;
            }

            var timing = await Timing.MeasureAsync(async () => counts = await pipeline.IngestAsync(mails));
            output.WriteLine($"pipeline pass {pass} ({(fromFiles ? "files" : "memory")}): {timing.WallSeconds:F2} s wall, {timing.CpuSeconds:F2} s CPU, {timing.PerSecond(files.Count):N0} msg/s, "
                + $"{timing.CpuSeconds * 1000 / files.Count:F3} ms CPU/message; written {timing.Io.WrittenBytes / 1024.0 / files.Count:F0} KB/message in {timing.Io.WriteCalls / (double)files.Count:F0} calls; "
                + $"{timing.Jit()}; {counts.Summary()}");
        }

        if (ticks is not null)
        {
            output.WriteLine("allocations from pass 3 on, sampled by type (GC AllocationTick):");
            foreach (var (type, share) in ticks.Top(30))
            {
                output.WriteLine($"{share * 100,5:F1}% {type}");
            }
        }
    }

    /// <summary>Parse and ingest the first messages into throwaway databases until the time is up (at least once).</summary>
    private static async Task WarmUpAsync(BenchSettings settings, IReadOnlyList<MailFile> files, string runFolder, BenchResult result, TextWriter log)
    {
        var batch = files.Take(WarmupMessages).ToList();
        var started = Stopwatch.GetTimestamp();
        do
        {
            ParseRun.Pass(batch);
            var folder = Path.Combine(runFolder, $"warmup-{result.WarmupRounds}");
            using (var pipeline = await Pipeline.OpenAsync(folder))
            {
                await pipeline.IngestAsync(batch.Select(Pipeline.FromFile));
            }

            Directory.Delete(folder, recursive: true);
            result.WarmupRounds++;
        }
        while (Stopwatch.GetElapsedTime(started).TotalSeconds < settings.WarmupSeconds);

        result.WarmupSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        log.WriteLine($"warm-up: {result.WarmupRounds} round(s) of {batch.Count:N0} messages, {result.WarmupSeconds:F1} s");
    }

    private static void MeasureParse(IReadOnlyList<MailFile> files, BenchResult result)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        result.ParsePasses.Add(Timing.Measure(() => ParseRun.Pass(files)));
        result.ParseAllocatedPerMessage = (GC.GetTotalAllocatedBytes(precise: false) - allocated) / files.Count;
    }

    /// <summary>
    /// The same mail into a database that starts empty and into a copy of one holding the
    /// pre-existing tickets, a batch at a time, alternating, so a busy moment on the shared machine
    /// hurts both alike. Both databases keep what earlier rounds wrote, so replies find their
    /// tickets in both; the full database's copy of the mail carries ticket tags shifted by its
    /// numbers, so both make the same decisions (checked).
    /// </summary>
    private static async Task MeasureScaleAsync(BenchSettings settings, int setCount, string runFolder, BenchResult result, TextWriter log)
    {
        var started = Stopwatch.GetTimestamp();
        var (history, reused) = await HistoryDatabase.BuildAsync(settings.Work, settings.Existing, settings.Seed, settings.History, log);
        result.HistorySeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        result.HistoryReused = reused;
        result.History = DatabaseCounts.Read(history);

        var total = Math.Min(setCount, result.Batch * settings.Rounds);
        var emptyMail = MailSet.Batch(settings.Seed, setCount, total, null).ToList();
        var fullMail = MailSet.Batch(settings.Seed, setCount, total, result.History.Sequences).ToList();
        var fullFolder = Path.Combine(runFolder, "full");
        Directory.CreateDirectory(fullFolder);
        started = Stopwatch.GetTimestamp();
        var copy = Path.Combine(fullFolder, "mailticketing.db");
        File.Copy(history, copy);
        using (var file = new FileStream(copy, FileMode.Open, FileAccess.ReadWrite))
        {
            // Write the copy to disk now: otherwise the first checkpoint's fsync would flush the
            // whole freshly copied file inside the measurement, a cost a real database never pays.
            file.Flush(flushToDisk: true);
        }

        result.HistoryCopySeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        // Both sides run through the timed store (the same small overhead on each), so the report can
        // say which store calls grow with the database.
        result.EmptyStoreCalls = new StoreCallTimes();
        result.FullStoreCalls = new StoreCallTimes();
        using var empty = await Pipeline.OpenAsync(Path.Combine(runFolder, "empty"), result.EmptyStoreCalls);
        using var full = await Pipeline.OpenAsync(fullFolder, result.FullStoreCalls);
        result.EmptyOutcomes = new OutcomeCounts();
        result.FullOutcomes = new OutcomeCounts();
        for (var round = 0; round * result.Batch < total; round++)
        {
            var range = (round * result.Batch)..Math.Min(total, (round + 1) * result.Batch);
            log.WriteLine($"scale: round {round + 1}, messages {range.Start.Value + 1:N0}-{range.End.Value:N0}, into the empty database, then into {result.History.Tickets:N0} tickets");
            var (emptyTiming, emptyOutcomes) = await IngestBatchAsync(empty, emptyMail[range]);
            var (fullTiming, fullOutcomes) = await IngestBatchAsync(full, fullMail[range]);
            result.ScaleRounds.Add((emptyTiming, fullTiming, range.End.Value - range.Start.Value));
            result.EmptyOutcomes.Add(emptyOutcomes);
            result.FullOutcomes.Add(fullOutcomes);
            log.WriteLine($"scale: {emptyTiming.WallSeconds * 1000 / emptyOutcomes.Messages:F3} ms/message empty, {fullTiming.WallSeconds * 1000 / fullOutcomes.Messages:F3} ms/message full");
        }
    }

    private static async Task<(Timing, OutcomeCounts)> IngestBatchAsync(Pipeline pipeline, IReadOnlyList<GeneratedMail> batch)
    {
        OutcomeCounts outcomes = new();
        var timing = await Timing.MeasureAsync(async () => outcomes = await pipeline.IngestAsync(batch.Select(mail => Pipeline.FromMemory(mail, "import:bench"))));
        return (timing, outcomes);
    }

    public static bool SameDecisions(OutcomeCounts a, OutcomeCounts b) =>
        a.Acknowledged == b.Acknowledged && Enum.GetValues<IngestOutcome>().All(o => a.Count(o) == b.Count(o));
}
