namespace MailTicketing.Bench.Ingest;

/// <summary>Everything one run measured, for the report.</summary>
internal sealed class BenchResult
{
    public int Files { get; set; }

    public long Bytes { get; set; }

    public IReadOnlyDictionary<string, int> Kinds { get; set; } = new Dictionary<string, int>();

    public int WarmupRounds { get; set; }

    public double WarmupSeconds { get; set; }

    public List<Timing> ParsePasses { get; } = [];

    public long ParseAllocatedPerMessage { get; set; }

    public Timing Pipeline { get; set; }

    public long PipelineAllocatedPerMessage { get; set; }

    public OutcomeCounts PipelineOutcomes { get; set; } = new();

    public DatabaseCounts? AfterPipeline { get; set; }

    public Timing Rerun { get; set; }

    public OutcomeCounts RerunOutcomes { get; set; } = new();

    public DatabaseCounts? AfterRerun { get; set; }

    public StageTimes? Stages { get; set; }

    public double HistorySeconds { get; set; }

    public bool HistoryReused { get; set; }

    public DatabaseCounts? History { get; set; }

    public double HistoryCopySeconds { get; set; }

    public List<(Timing Empty, Timing Full, int Messages)> ScaleRounds { get; } = [];

    public Timing Breakdown { get; set; }

    public int BreakdownMessages { get; set; }


    public StoreCallTimes? StoreCalls { get; set; }

    public StoreCallTimes? EmptyStoreCalls { get; set; }

    public StoreCallTimes? FullStoreCalls { get; set; }

    public OutcomeCounts? EmptyOutcomes { get; set; }

    public OutcomeCounts? FullOutcomes { get; set; }

    /// <summary>Messages per scale round.</summary>
    public int Batch { get; set; }
}
