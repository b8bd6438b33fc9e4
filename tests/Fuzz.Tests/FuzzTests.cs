using MailTicketing.Fuzz.Tests.Engine;
using MailTicketing.Fuzz.Tests.Support;
using MailTicketing.Fuzz.Tests.Targets;
using Xunit.Abstractions;

namespace MailTicketing.Fuzz.Tests;

/// <summary>
/// The mutation fuzzer over the shared corpus, with the test run's short budget (a fixed seed,
/// so CI sees the same inputs each time). scripts/fuzz runs the same tests longer (see FuzzSettings).
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    /// <summary>Mutated inputs are cut to this size; the hostile tests cover larger ones.</summary>
    public const int MaxInputSize = 1024 * 1024;

    [CorpusFact]
    [Trait("Category", "Fuzz")]
    public void Every_mutated_message_parses_without_an_exception_in_time_and_bounded_memory()
    {
        var report = Run(new ParserTarget(), iterations: 2500, TimeSpan.FromSeconds(15));
        Assert.True(report.Failures.Count == 0, string.Join(Environment.NewLine, report.Failures));
    }

    [CorpusFact]
    [Trait("Category", "Fuzz")]
    public async Task Every_mutated_message_ends_as_a_ticket_message_a_recorded_duplicate_or_a_quarantine_entry_with_its_raw_bytes_kept()
    {
        await using var target = await PipelineTarget.StartAsync();
        var report = Run(target, iterations: 800, TimeSpan.FromSeconds(20));
        Assert.True(report.Failures.Count == 0, string.Join(Environment.NewLine, report.Failures));
        Assert.Null(target.Audit());
    }

    private FuzzReport Run(IFuzzTarget target, long iterations, TimeSpan duration)
    {
        var settings = FuzzSettings.FromEnvironment(iterations, duration);
        var run = new FuzzRun(settings, SeedCorpus.Messages, new Mutator(SeedCorpus.Messages, MaxInputSize));
        var report = run.Run(target);
        output.WriteLine(report.ToString());
        return report;
    }
}
