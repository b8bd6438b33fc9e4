namespace MailTicketing.Bench.Ingest;

/// <summary>What `run` measures and where it writes.</summary>
/// <param name="Existing">Tickets already in the database for the scale comparison.</param>
/// <param name="Batch">Messages ingested into the empty and the full database, each round.</param>
/// <param name="Rounds">Empty/full pairs, alternating, so a busy moment on the machine hurts both alike.</param>
/// <param name="History">How the pre-existing database is built: "bulk" (prepared SQL) or "pipeline" (ingested; slow).</param>
/// <param name="Breakdown">Messages ingested once more through a store that times each of its calls (0: skip).</param>
/// <param name="Keep">Keep the run's databases (for inspection) instead of deleting them.</param>
/// <param name="OnlyPipeline">Warm up, then run the pipeline passes only and print their times: for profiling.</param>
internal sealed record BenchSettings(
    string ListFile,
    string Work,
    string ReportFile,
    int Existing,
    int Batch,
    int Rounds,
    int ParsePasses,
    int WarmupSeconds,
    int Seed,
    string History,
    int Breakdown,
    string Meta,
    bool Keep,
    bool OnlyPipeline);
