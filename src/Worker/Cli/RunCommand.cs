using System.CommandLine;
using MailTicketing.Worker.Composition;
using MailTicketing.Worker.Sources;

namespace MailTicketing.Worker.Cli;

/// <summary>`run [--once]`: reads every configured source, ingests, delivers the outbox; with --once it drains and exits.</summary>
internal static class RunCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var once = new Option<bool>("--once") { Description = "Drain the sources and the outbox once, print what was done, and exit." };
        var command = new Command("run", "Run the worker: ingest the configured mailboxes and deliver acknowledgements.") { once };
        command.SetAction((result, token) => RunAsync(context(result), result.GetValue(once), token));
        return command;
    }

    internal static async Task<int> RunAsync(CommandContext context, bool once, CancellationToken cancellationToken)
    {
        await using var services = await context.CreateServicesAsync(cancellationToken);
        var logger = context.LoggerFactory.CreateLogger("MailTicketing.Worker");
        var runner = new IngestRunner(services.Ingest, logger);
        await using var imap = ImapIngestion.Create(context.Options, services.Store, runner, context.Clock, logger);
        if (!once)
        {
            services.Rules?.StartWatching(context.Options.RulesCheckInterval);
            imap.Start(cancellationToken);
        }

        do
        {
            var summary = new IngestSummary();
            var sources = new List<MaildirSource>();
            foreach (var source in services.MaildirSources())
            {
                if (source.Exists)
                {
                    sources.Add(source);
                }
                else
                {
                    WorkerLog.MaildirMissing(logger, source.Mailbox, source.Directory);
                }
            }

            await runner.RunAsync(MaildirSource.Merge(sources), summary, afterEach: null, cancellationToken);
            if (once)
            {
                await imap.DrainAllAsync(summary, cancellationToken);
            }

            // Claimed notices go out through the outbox in the same pass.
            var now = context.Clock.GetUtcNow();
            summary.Scheduled = await services.Schedule.Sla.RunAsync(now, cancellationToken)
                + await services.Schedule.FollowUps.RunAsync(now, cancellationToken);
            summary.Delivered = await services.Sender.DeliverDueAsync(cancellationToken);
            if (summary.Delivered > 0)
            {
                WorkerLog.OutboxDelivered(logger, summary.Delivered, services.Sender.Destination);
            }

            if (once)
            {
                SummaryTable.Write(context.Console, summary, services);
                return summary.Errors() > 0 ? 1 : 0;
            }

            try
            {
                await Task.Delay(context.Options.PollInterval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
        }
        while (!cancellationToken.IsCancellationRequested);

        return 0;
    }
}
