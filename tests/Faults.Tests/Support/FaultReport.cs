using Xunit.Abstractions;

namespace MailTicketing.Faults.Tests.Support;

/// <summary>
/// The figures of a fault test: written to the test output and, when scripts/fault-test runs
/// the tests, appended to its report file (MT_FAULT_REPORT), one line per fault.
/// MT_FAULT_FULL=1 asks for the full sizes (100,000 messages) instead of the CI sizes.
/// </summary>
internal static class FaultReport
{
    private static readonly Lock Gate = new();

    public static bool Full => Environment.GetEnvironmentVariable("MT_FAULT_FULL") == "1";

    public static void Figures(ITestOutputHelper output, string line)
    {
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("MT_FAULT_REPORT") is { Length: > 0 } path)
        {
            lock (Gate)
            {
                File.AppendAllText(path, line + Environment.NewLine);
            }
        }
    }

    public static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("F0", System.Globalization.CultureInfo.InvariantCulture) + " MB";
}
