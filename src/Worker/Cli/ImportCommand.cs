using System.CommandLine;
using MailTicketing.Worker.Composition;
using MailTicketing.Worker.Sources;
using Spectre.Console;

namespace MailTicketing.Worker.Cli;

/// <summary>`import PATH --mailbox NAME`: ingests an .eml file, a folder of them, or an mbox, in received order.</summary>
internal static class ImportCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var path = new Argument<string>("path") { Description = "An .eml file, a folder of .eml files, or an mbox file." };
        var mailbox = new Option<string>("--mailbox") { Description = "The configured mailbox these messages were sent to.", Required = true };
        var command = new Command("import", "Import saved mail into tickets (each message once, however often you run it).") { path, mailbox };
        command.SetAction((result, token) => RunAsync(context(result), result.GetRequiredValue(path), result.GetRequiredValue(mailbox), token));
        return command;
    }

    internal static async Task<int> RunAsync(CommandContext context, string path, string mailbox, CancellationToken cancellationToken)
    {
        await using var services = await context.CreateServicesAsync(cancellationToken);
        if (services.Ticketing.FindMailbox(mailbox) is null)
        {
            context.Error.WriteLine($"import: no mailbox named '{mailbox}'; configured: {string.Join(", ", services.Ticketing.Mailboxes.Select(m => m.Name))}");
            return 2;
        }

        using var source = new ImportSource(mailbox.ToLowerInvariant(), path);
        IReadOnlyList<Tickets.Ingestion.IncomingMail> mails;
        try
        {
            mails = source.Read();
        }
        catch (FileNotFoundException e)
        {
            context.Error.WriteLine("import: " + e.Message);
            return 2;
        }

        var runner = new IngestRunner(services.Ingest, context.LoggerFactory.CreateLogger("MailTicketing.Import"));
        var summary = new IngestSummary();
        await context.Console.Progress()
            .AutoClear(true)
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"importing {mails.Count} messages into {mailbox}", maxValue: Math.Max(mails.Count, 1));
                await runner.RunAsync(mails, summary, () => task.Increment(1), cancellationToken);
            });
        summary.Delivered = await services.Sender.DeliverDueAsync(cancellationToken);
        SummaryTable.Write(context.Console, summary, services);
        return summary.Errors() > 0 ? 1 : 0;
    }
}
