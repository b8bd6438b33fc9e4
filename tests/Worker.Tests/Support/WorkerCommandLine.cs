using System.Diagnostics;

namespace MailTicketing.Worker.Tests.Support;

/// <summary>
/// The worker as an operator starts it: `dotnet mailticketing.dll ARGS` (the build copied into
/// the test's output), output redirected, with the given environment. Also linked into
/// Crash.Tests, Faults.Tests and Fuzz.Tests.
/// </summary>
public static class WorkerCommandLine
{
    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string>>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mailticketing.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        return start;
    }
}
