using System.Globalization;
using MailTicketing.Mime.Tests.Support;

namespace MailTicketing.Fuzz.Tests.Engine;

/// <summary>
/// How long a fuzz run goes on and where it reports. The test run's short budget is the
/// default; scripts/fuzz sets the environment variables below for a longer run:
/// MT_FUZZ_SEED, MT_FUZZ_ITERATIONS, MT_FUZZ_SECONDS (either bound may be 0 for none),
/// MT_FUZZ_TIMEOUT_SECONDS (per input), MT_FUZZ_FAILURES (folder for failing inputs) and
/// MT_FUZZ_REPORT (a file each run appends its figures to).
/// </summary>
internal sealed record FuzzSettings(int Seed, long MaxIterations, TimeSpan MaxDuration, TimeSpan InputTimeout, string FailureDirectory, string? ReportFile)
{
    /// <summary>The fixed seed of the test run, so CI sees the same inputs every time.</summary>
    public const int DefaultSeed = 20240318;

    /// <summary>Whether scripts/fuzz asked for a longer run (the test budget does not apply then).</summary>
    public static bool OnDemand => Environment.GetEnvironmentVariable("MT_FUZZ_ITERATIONS") is not null || Environment.GetEnvironmentVariable("MT_FUZZ_SECONDS") is not null;

    public static FuzzSettings FromEnvironment(long iterations, TimeSpan duration)
    {
        var seed = Read("MT_FUZZ_SEED") is { } s ? (int)s : DefaultSeed;
        if (OnDemand)
        {
            var maxIterations = Read("MT_FUZZ_ITERATIONS") is { } i and > 0 ? i : long.MaxValue;
            var seconds = Read("MT_FUZZ_SECONDS") is { } t and > 0 ? TimeSpan.FromSeconds(t) : TimeSpan.MaxValue;
            (iterations, duration) = (maxIterations, seconds);
        }

        var timeout = TimeSpan.FromSeconds(Read("MT_FUZZ_TIMEOUT_SECONDS") ?? 10);
        var failures = Environment.GetEnvironmentVariable("MT_FUZZ_FAILURES") is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(TestPaths.RepositoryRoot, "TestResults", "fuzz-failures");
        var report = Environment.GetEnvironmentVariable("MT_FUZZ_REPORT") is { Length: > 0 } file ? Path.GetFullPath(file) : null;
        return new FuzzSettings(seed, iterations, duration, timeout, failures, report);
    }

    private static long? Read(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text
            ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new InvalidOperationException($"{name}={text} is not a whole number.")
            : null;
}
