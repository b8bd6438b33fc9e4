using System.Globalization;

namespace MailTicketing.Crash.Tests.Harness;

/// <summary>
/// The size of one crash run, from MT_CRASH_* (scripts/crash-test sets them); without them the
/// short budget of the test run: 300 messages, 8 kills, a fixed seed.
/// </summary>
internal sealed record CrashSettings(int Messages, int Kills, int Seed, TimeSpan MaxLifetime, TimeSpan DrainTimeout, string? ReportPath)
{
    public static CrashSettings FromEnvironment() => new(
        Number("MT_CRASH_MESSAGES", 300),
        Number("MT_CRASH_KILLS", 8),
        Number("MT_CRASH_SEED", 20240611),
        TimeSpan.FromSeconds(Number("MT_CRASH_MAX_LIFETIME_SECONDS", 2)),
        TimeSpan.FromSeconds(Number("MT_CRASH_DRAIN_SECONDS", 600)),
        Environment.GetEnvironmentVariable("MT_CRASH_REPORT") is { Length: > 0 } report ? report : null);

    private static int Number(string variable, int fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
