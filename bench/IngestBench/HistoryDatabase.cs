using MailTicketing.Tickets.Ingestion;

namespace MailTicketing.Bench.Ingest;

/// <summary>
/// A database that already holds N tickets from the year before the measured mail, built once
/// and cached; each run works on a copy. Two ways to build it: "bulk" writes the rows with
/// prepared SQL (BulkHistory; about a minute for 200,000 tickets), "pipeline" ingests a second
/// generated population through the pipeline itself (other customers, Message-IDs, UIDs, TxIDs;
/// exact, but about 1 ms of CPU per message: for checking the bulk rows at small sizes).
/// </summary>
internal static class HistoryDatabase
{
    public static async Task<(string Database, bool Reused)> BuildAsync(string work, int tickets, int seed, string method, TextWriter log)
    {
        var folder = Path.Combine(work, $"history-{method}-{tickets}-{seed}");
        var database = Path.Combine(folder, "mailticketing.db");
        var stamp = Path.Combine(folder, ".complete");
        var expected = $"{MailGenerator.Version} seed={seed} tickets={tickets} method={method}";
        if (File.Exists(stamp) && File.ReadAllText(stamp) == expected)
        {
            log.WriteLine($"history: reusing {folder}");
            return (database, true);
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var end = MailSet.Start - TimeSpan.FromDays(15);
        var timing = method switch
        {
            "bulk" => await BulkAsync(folder, database, tickets, seed, end, log),
            "pipeline" => await IngestAsync(folder, tickets, seed, end, log),
            _ => throw new ArgumentException($"Unknown history method '{method}' (bulk or pipeline).", nameof(method)),
        };

        DatabaseCounts.Checkpoint(database);
        File.WriteAllText(stamp, expected);
        log.WriteLine($"history: {tickets:N0} tickets written ({method}) in {timing.WallSeconds:F0} s");
        return (database, false);
    }

    private static async Task<Timing> BulkAsync(string folder, string database, int tickets, int seed, DateTimeOffset end, TextWriter log)
    {
        // The schema comes from the worker's own migrations, applied to a template whose pooled
        // connections stay open in this process; the copy is ours alone, so the bulk writer can
        // switch the journal off for the load (one write of each page instead of WAL, then database).
        var template = Path.Combine(folder, "template");
        using (var pipeline = await Pipeline.OpenAsync(template))
        {
            DatabaseCounts.Checkpoint(pipeline.DatabasePath);
            File.Copy(pipeline.DatabasePath, database);
        }

        var timing = Timing.Measure(() => BulkHistory.Write(database, tickets, seed + 1, end, log));
        Directory.Delete(template, recursive: true);
        return timing;
    }

    private static async Task<Timing> IngestAsync(string folder, int tickets, int seed, DateTimeOffset end, TextWriter log)
    {
        // About 60% of generated mail opens a ticket; generate enough, stop at the count.
        var bound = tickets * 2;
        var mails = new MailGenerator(seed + 1, bound, end - TimeSpan.FromDays(365), TimeSpan.FromDays(365), realm: "h")
            .Generate(bound)
            .Select(mail => Pipeline.FromMemory(mail, "import:history"));
        using var pipeline = await Pipeline.OpenAsync(folder);
        var next = tickets / 10;
        OutcomeCounts counts = new();
        var timing = await Timing.MeasureAsync(async () => counts = await pipeline.IngestAsync(mails, c =>
        {
            var opened = c.Count(IngestOutcome.NewTicket);
            if (opened >= next)
            {
                log.WriteLine($"history: {opened:N0} tickets");
                next += Math.Max(1, tickets / 10);
            }

            return opened >= tickets;
        }));
        log.WriteLine($"history: {counts.Messages:N0} messages ingested, {timing.PerSecond(counts.Messages):N0}/s: {counts.Summary()}");
        return timing;
    }
}
