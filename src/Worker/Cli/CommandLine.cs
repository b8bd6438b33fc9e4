using System.CommandLine;

namespace MailTicketing.Worker.Cli;

/// <summary>The worker's command line: every verb ops use is registered here.</summary>
internal static class CommandLine
{
    public static Task<int> RunAsync(string[] args) => Build().Parse(args).InvokeAsync();

    internal static RootCommand Build()
    {
        var root = new RootCommand("MailTicketing: turns support mail into tickets.");
        root.Subcommands.Add(InspectCommand.Create());
        return root;
    }
}
