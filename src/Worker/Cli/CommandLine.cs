using System.CommandLine;
using System.Data.Common;
using MailTicketing.Worker.Configuration;

namespace MailTicketing.Worker.Cli;

/// <summary>The worker's command line: every verb ops use is registered here.</summary>
internal static class CommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            // A stop (Ctrl+C, SIGTERM) cancels the command's token; `run` then waits for its jobs
            // (up to WorkerHost.ShutdownTimeout) before the process is ended.
            return await Build().Parse(args).InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
            });
        }
        catch (WorkerConfigurationException e)
        {
            // Not a crash: say what to fix, without a stack trace (exit code 2, as for bad arguments).
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        catch (OperationCanceledException)
        {
            // Stopped (Ctrl+C) while working, as System.CommandLine's own handler reports it.
            return 1;
        }
        catch (Exception e) when (DatabaseError(e) is { } database)
        {
            // Locked, full, unreachable: the operator's problem to fix, not ours; no stack trace.
            await Console.Error.WriteLineAsync($"The database could not be used: {database.Message} The command stopped; its open transaction was rolled back and what it had committed stays.");
            return 1;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync("Unhandled exception: " + e);
            return 1;
        }
    }

    private static DbException? DatabaseError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is DbException database)
            {
                return database;
            }
        }

        return null;
    }

    internal static RootCommand Build()
    {
        var config = new Option<string?>("--config") { Description = "An extra JSON settings file (over appsettings.json; environment variables still win).", Recursive = true };
        var verbose = new Option<bool>("--verbose") { Description = "Log what happens to every message.", Recursive = true };
        CommandContext Context(ParseResult result) => CommandContext.FromEnvironment(result.GetValue(config), result.GetValue(verbose));

        var root = new RootCommand("MailTicketing: turns support mail into tickets.") { config, verbose };
        root.Subcommands.Add(RunCommand.Create(Context));
        root.Subcommands.Add(StatusCommand.Create(Context));
        root.Subcommands.Add(ImportCommand.Create(Context));
        root.Subcommands.Add(MigrateCommand.Create(Context));
        root.Subcommands.Add(TicketsCommand.Create(Context));
        root.Subcommands.Add(QuarantineCommand.Create(Context));
        root.Subcommands.Add(InspectCommand.Create());
        root.Subcommands.Add(RulesCommand.Create(Context));
        return root;
    }
}
