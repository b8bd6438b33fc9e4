using System.CommandLine;
using MailTicketing.Worker.Configuration;
using MailTicketing.Worker.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MailTicketing.Worker.Cli;

/// <summary>
/// `run [--once]`: the worker. Without --once, Quartz runs the schedule (<see cref="WorkerHost"/>)
/// until Ctrl+C or SIGTERM; with --once every job runs once (<see cref="DrainOnce"/>) and a table
/// says what was done.
/// </summary>
internal static class RunCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var once = new Option<bool>("--once") { Description = "Drain the sources and the outbox once, print what was done, and exit." };
        var command = new Command("run", "Run the worker: ingest the configured mailboxes and deliver acknowledgements on their schedules.") { once };
        command.SetAction((result, token) => RunAsync(context(result), result.GetValue(once), token));
        return command;
    }

    /// <param name="configureHost">Registrations for the scheduled host (the <see cref="IScheduledSweep"/>s); not used with --once.</param>
    internal static async Task<int> RunAsync(CommandContext context, bool once, CancellationToken cancellationToken, Action<IServiceCollection>? configureHost = null)
    {
        await using var services = await context.CreateServicesAsync(cancellationToken);
        var logger = context.LoggerFactory.CreateLogger("MailTicketing.Worker");
        if (once)
        {
            var summary = await DrainOnce.RunAsync(services, context.Clock, logger, cancellationToken);
            SummaryTable.Write(context.Console, summary, services);
            return summary.Errors() > 0 ? 1 : 0;
        }

        services.Rules?.StartWatching(context.Options.RulesCheckInterval);
        // RunAsync disposes the host (asynchronously, as its IMAP connections want) when it ends.
        // On PostgreSQL several workers share one clustered Quartz store; SQLite means one process, in memory.
        var database = context.Options.Database;
        var clustered = database.Provider == DatabaseProvider.Postgres;
        var host = WorkerHost.Build(services, context.Clock, configureHost, clustered, clustered ? database.ReadConnectionString() : null);
        try
        {
            await host.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while starting.
        }

        return 0;
    }
}
