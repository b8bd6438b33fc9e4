using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace MailTicketing.Bench.Ingest;

/// <summary>
/// Where the pipeline's allocations go, by type: the runtime's GC AllocationTick event (one per
/// ~100 KB allocated, naming the type that crossed the mark) summed while <see cref="On"/>. A
/// sample, not an exact count, but it needs no profiler. Set MT_ALLOC_TICKS=1 with --only-pipeline.
/// </summary>
internal sealed class AllocTicks : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly ConcurrentDictionary<string, long> _bytes = new();

    public bool On { get; set; }

    /// <summary>The types with the most sampled bytes, with their share of all sampled bytes.</summary>
    public IEnumerable<(string Type, double Share)> Top(int count)
    {
        var total = Math.Max(1, _bytes.Values.Sum());
        return _bytes.OrderByDescending(pair => pair.Value).Take(count).Select(pair => (pair.Key, pair.Value / (double)total));
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!On || eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is not { } names)
        {
            return;
        }

        var type = names.IndexOf("TypeName") is var i and >= 0 ? eventData.Payload![i] as string ?? "?" : "?";
        var amount = names.IndexOf("AllocationAmount64") is var j and >= 0 ? Convert.ToInt64(eventData.Payload![j], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
