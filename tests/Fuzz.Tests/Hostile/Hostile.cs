using System.Globalization;
using System.Text;
using MailTicketing.Fuzz.Tests.Engine;
using MailTicketing.Fuzz.Tests.Targets;
using Xunit.Abstractions;

namespace MailTicketing.Fuzz.Tests.Hostile;

/// <summary>What the hostile tests share: wire bytes from text, and one input run through the worker under the fuzzer's watchdog, with its figures printed.</summary>
internal static class Hostile
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>CRLF line ends; UTF-8, or Latin-1 when <paramref name="latin1"/> (for raw bytes 0x80-0xFF).</summary>
    public static byte[] Wire(string text, bool latin1 = false) =>
        (latin1 ? Encoding.Latin1 : Encoding.UTF8).GetBytes(text.ReplaceLineEndings("\r\n"));

    /// <summary>Parses the input alone under the watchdog; fails on any problem the fuzzer would report.</summary>
    public static InputRun Parse(byte[] input, ITestOutputHelper output)
    {
        var run = FuzzRun.Execute(new ParserTarget(), input, 0, Timeout);
        Print(output, "parse", input, run);
        Assert.True(run.Problem is null, run.Problem);
        return run;
    }

    /// <summary>Ingests the input into the target's fresh store; fails unless it is accounted for exactly once, in time and memory.</summary>
    public static InputRun Ingest(PipelineTarget target, byte[] input, ITestOutputHelper output, long iteration = 0)
    {
        var run = FuzzRun.Execute(target, input, iteration, Timeout);
        Print(output, $"ingest ({target.LastResult?.Outcome}: {target.LastResult?.Detail})", input, run);
        Assert.True(run.Problem is null, run.Problem);
        return run;
    }

    public static void Print(ITestOutputHelper output, string what, byte[] input, InputRun run) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {input.Length:N0} bytes in {run.Elapsed.TotalMilliseconds:N0} ms, heap grew {run.PeakHeapGrowth / 1048576.0:0.0} MB, allocated {run.Allocated / 1048576.0:0.0} MB"));
}
