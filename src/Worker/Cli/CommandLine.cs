using System.CommandLine;

namespace MailTicketing.Worker.Cli;

/// <summary>The worker's command line: every verb ops use is registered here.</summary>
internal static class CommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("MailTicketing: turns support mail into tickets.");
        return await root.Parse(args).InvokeAsync();
    }
}
