using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MailTicketing.Fuzz.Tests.Engine;

/// <summary>
/// Feeds mutated corpus messages to a target until the iteration or time budget runs out.
/// Each input comes from its own <see cref="Random"/>, seeded from the run's seed and the
/// iteration, so (seed, iteration) alone reproduces it. Each input runs on its own thread
/// under a watchdog (a hang is reported with its input, and stops the run: the stuck thread
/// cannot be taken back), and the bytes allocated while it ran are bounded by its size.
/// </summary>
internal sealed class FuzzRun(FuzzSettings settings, IReadOnlyList<byte[]> seeds, Mutator mutator)
{
    /// <summary>
    /// Bytes one input may allocate in all (garbage included): this many times its size plus
    /// <see cref="AllocationBase"/>. Linear work stays far below; a quadratic path or a decoder
    /// that inflates without bound does not.
    /// </summary>
    public const long AllocationFactor = 1024;

    /// <summary>Fixed allowance per input (parser buffers, SQLite pages, the acknowledgement).</summary>
    public const long AllocationBase = 64L * 1024 * 1024;

    /// <summary>How much the managed heap may grow while one input runs: this many times its size plus <see cref="PeakHeapBase"/>.</summary>
    public const long PeakHeapFactor = 32;

    public const long PeakHeapBase = 128L * 1024 * 1024;

    private static readonly TimeSpan SamplePeriod = TimeSpan.FromMilliseconds(20);

    private const int MaxFailures = 20;

    public FuzzReport Run(IFuzzTarget target)
    {
        var failures = new List<FuzzFailure>();
        var clock = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        var slowestIteration = 0L;
        var peakHeapGrowth = 0L;
        long peakAllocated = 0;
        long largest = 0;
        double peakRatio = 0;
        long iteration = 0;
        for (; iteration < settings.MaxIterations && clock.Elapsed < settings.MaxDuration && failures.Count < MaxFailures; iteration++)
        {
            var (input, mutations) = Input(iteration);
            largest = Math.Max(largest, input.Length);
            var (problem, elapsed, allocated, peakHeap) = Execute(target, input, iteration, settings.InputTimeout);
            if (problem is not null)
            {
                var colon = problem.IndexOf(": ", StringComparison.Ordinal);
                var (kind, detail) = colon > 0 ? (problem[..colon], problem[(colon + 2)..]) : ("broken", problem);
                failures.Add(Save(target, iteration, input, mutations, kind, detail));
                if (kind == "hang")
                {
                    break;
                }
            }

            if (elapsed > slowest)
            {
                (slowest, slowestIteration) = (elapsed, iteration);
            }

            peakHeapGrowth = Math.Max(peakHeapGrowth, peakHeap);
            peakAllocated = Math.Max(peakAllocated, allocated);
            if (input.Length >= 4096)
            {
                peakRatio = Math.Max(peakRatio, (double)allocated / input.Length);
            }
        }

        var report = new FuzzReport(
            target.Name, settings.Seed, iteration, failures, clock.Elapsed, slowest, slowestIteration, peakAllocated, peakRatio, peakHeapGrowth,
            Process.GetCurrentProcess().PeakWorkingSet64, largest, target.Outcomes);
        if (settings.ReportFile is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.AppendAllText(file, report + Environment.NewLine + string.Concat(failures.Select(f => "  " + f + Environment.NewLine)));
        }

        return report;
    }

    /// <summary>
    /// Runs one input under the watchdog; the problem is "kind: detail" (exception, hang, memory,
    /// or what the target reported), or null. A hung input's thread is left running. While it
    /// runs, the managed heap is sampled: its growth over the start is the input's peak memory.
    /// </summary>
    public static InputRun Execute(IFuzzTarget target, byte[] input, long iteration, TimeSpan timeout)
    {
        var heapBefore = GC.GetTotalMemory(forceFullCollection: false);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var started = Stopwatch.GetTimestamp();
        var peakHeap = 0L;
        var work = Task.Factory.StartNew(() => target.Run(input, iteration), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var handle = ((IAsyncResult)work).AsyncWaitHandle;
        // Waits without throwing: a faulted input is reported from its exception below.
        while (!handle.WaitOne(SamplePeriod))
        {
            peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false) - heapBefore);
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                return new InputRun($"hang: still running after {timeout.TotalSeconds:0} s", Stopwatch.GetElapsedTime(started), 0, peakHeap);
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        // A sample can jump for reasons of the GC's own (a background collection, a new
        // segment): the heap cannot have grown for this input by more than it allocated.
        peakHeap = Math.Min(Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false) - heapBefore), allocated);
        var problem = work.Exception is { } e ? "exception: " + e.InnerException
            : work.Result is { } broken ? broken
            : allocated > AllocationLimit(input.Length) ? $"memory: {allocated:N0} bytes allocated for a {input.Length:N0}-byte input (limit {AllocationFactor}x + {AllocationBase / (1024 * 1024)} MB)"
            : peakHeap > PeakHeapLimit(input.Length) ? $"memory: the heap grew by {peakHeap:N0} bytes for a {input.Length:N0}-byte input (limit {PeakHeapFactor}x + {PeakHeapBase / (1024 * 1024)} MB)"
            : null;
        return new InputRun(problem, elapsed, allocated, peakHeap);
    }

    public static long AllocationLimit(long inputSize) => AllocationBase + (AllocationFactor * inputSize);

    public static long PeakHeapLimit(long inputSize) => PeakHeapBase + (PeakHeapFactor * inputSize);

    /// <summary>The input of one iteration, and the mutations that made it from which corpus message.</summary>
    public (byte[] Input, List<string> Mutations) Input(long iteration)
    {
        var random = new Random(IterationSeed(settings.Seed, iteration));
        var index = random.Next(seeds.Count);
        var mutations = new List<string> { $"seed message #{index}" };
        return (mutator.Mutate(random, seeds[index], mutations), mutations);
    }

    /// <summary>SplitMix64 of (seed, iteration): stable across processes and .NET versions, unlike HashCode.</summary>
    public static int IterationSeed(int seed, long iteration)
    {
        var z = unchecked(((ulong)(uint)seed << 32) + (ulong)iteration + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)(z ^ (z >> 31));
    }

    private FuzzFailure Save(IFuzzTarget target, long iteration, byte[] input, List<string> mutations, string kind, string detail)
    {
        Directory.CreateDirectory(settings.FailureDirectory);
        var name = string.Create(CultureInfo.InvariantCulture, $"{target.Name}-seed{settings.Seed}-iter{iteration}");
        var path = Path.Combine(settings.FailureDirectory, name + ".eml");
        File.WriteAllBytes(path, input);
        File.WriteAllText(Path.Combine(settings.FailureDirectory, name + ".txt"), new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"target {target.Name}, seed {settings.Seed}, iteration {iteration}, {input.Length} bytes")
            .AppendLine("mutations: " + string.Join(", ", mutations))
            .AppendLine(CultureInfo.InvariantCulture, $"{kind}: {detail}")
            .AppendLine("replay: copy the .eml into tests/Fuzz.Tests/Regressions/ (RegressionReplayTests runs it through both targets)")
            .ToString());
        return new FuzzFailure(iteration, kind, detail, path);
    }
}
