using System.CommandLine;

namespace MailTicketing.Worker.Cli;

/// <summary>The worker's command line: every verb ops use is registered here.</summary>
internal static class CommandLine
{
    public static Task<int> RunAsync(string[] args) => Build().Parse(args).InvokeAsync();

    internal static RootCommand Build()
    {
        var config = new Option<string?>("--config") { Description = "An extra JSON settings file (over appsettings.json; environment variables still win).", Recursive = true };
        var verbose = new Option<bool>("--verbose") { Description = "Log what happens to every message.", Recursive = true };
        CommandContext Context(ParseResult result) => CommandContext.FromEnvironment(result.GetValue(config), result.GetValue(verbose));

        var root = new RootCommand("MailTicketing: turns support mail into tickets.") { config, verbose };
        root.Subcommands.Add(RunCommand.Create(Context));
        root.Subcommands.Add(ImportCommand.Create(Context));
        root.Subcommands.Add(MigrateCommand.Create(Context));
        root.Subcommands.Add(TicketsCommand.Create(Context));
        root.Subcommands.Add(QuarantineCommand.Create(Context));
        root.Subcommands.Add(InspectCommand.Create());
        return root;
    }
}
