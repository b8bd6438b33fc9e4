using MailTicketing.Fuzz.Tests.Engine;
using MailTicketing.Fuzz.Tests.Targets;

namespace MailTicketing.Fuzz.Tests;

/// <summary>
/// Inputs the fuzzer once failed on (tests/Fuzz.Tests/Regressions/*.eml, each named after its
/// target, seed and iteration), run again through both targets under the same watchdog and
/// memory limits. A failing input from TestResults/fuzz-failures is added by copying it here.
/// </summary>
public sealed class RegressionReplayTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Regressions"), "*.eml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task A_saved_failing_input_now_parses_and_is_accounted_for(string name)
    {
        var input = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Regressions", name));

        var parsed = FuzzRun.Execute(new ParserTarget(), input, 0, TimeSpan.FromSeconds(30));
        Assert.True(parsed.Problem is null, parsed.Problem);

        await using var pipeline = await PipelineTarget.StartAsync();
        var ingested = FuzzRun.Execute(pipeline, input, 0, TimeSpan.FromSeconds(30));
        Assert.True(ingested.Problem is null, ingested.Problem);
        Assert.Null(pipeline.Audit());
    }
}
