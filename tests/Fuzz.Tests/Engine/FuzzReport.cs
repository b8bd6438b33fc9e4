using System.Globalization;

namespace MailTicketing.Fuzz.Tests.Engine;

/// <summary>The figures of one run of one target.</summary>
internal sealed record FuzzReport(
    string Target,
    int Seed,
    long Iterations,
    IReadOnlyList<FuzzFailure> Failures,
    TimeSpan Elapsed,
    TimeSpan SlowestInput,
    long SlowestIteration,
    long PeakAllocatedPerInput,
    double PeakAllocationRatio,
    long PeakHeapGrowth,
    long PeakWorkingSet,
    long LargestInput,
    string Outcomes)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Target}: iterations {Iterations}, failures {Failures.Count}, seed {Seed}, ")
        + string.Create(CultureInfo.InvariantCulture, $"peak memory {Mb(PeakHeapGrowth)} MB heap growth in one input, {Mb(PeakAllocatedPerInput)} MB allocated by one input (at most {PeakAllocationRatio:0.#}x its size), ")
        + string.Create(CultureInfo.InvariantCulture, $"process peak working set {Mb(PeakWorkingSet)} MB; slowest input {SlowestInput.TotalMilliseconds:0} ms (iteration {SlowestIteration}), ")
        + string.Create(CultureInfo.InvariantCulture, $"largest input {LargestInput / 1024} KiB, {Elapsed.TotalSeconds:0.0} s")
        + (Outcomes.Length > 0 ? "; " + Outcomes : "");

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture);
}
