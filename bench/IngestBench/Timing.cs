using System.Diagnostics;
using System.Runtime;

namespace MailTicketing.Bench.Ingest;

/// <summary>
/// The wall time of a measured loop, the process's CPU time over it (all threads: JIT, GC and
/// SQLite included), how much of that was the JIT compiling (a sign the warm-up was short,
/// or that code is being generated per call), and the bytes read and written through syscalls.
/// </summary>
internal readonly record struct Timing(double WallSeconds, double CpuSeconds, long JitMethods, double JitSeconds, int Gen0, int Gen2, ProcessIo Io)
{
    public static Timing Measure(Action work) => MeasureAsync(() =>
    {
        work();
        return Task.CompletedTask;
    }).GetAwaiter().GetResult();

    public static async Task<Timing> MeasureAsync(Func<Task> work)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var jitMethods = JitInfo.GetCompiledMethodCount();
        var jitTime = JitInfo.GetCompilationTime();
        var (gen0, gen2) = (GC.CollectionCount(0), GC.CollectionCount(2));
        var io = ProcessIo.Now();
        var started = Stopwatch.GetTimestamp();
        await work();
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new Timing(
            wall,
            (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds,
            JitInfo.GetCompiledMethodCount() - jitMethods,
            (JitInfo.GetCompilationTime() - jitTime).TotalSeconds,
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(2) - gen2,
            ProcessIo.Now() - io);
    }

    public double PerSecond(int count) => count / WallSeconds;

    public double PerCpuSecond(int count) => count / CpuSeconds;

    public string Jit() => $"{JitMethods:N0} methods compiled in {JitSeconds:F2} s";
}
