using System.Globalization;
using MailTicketing.Tickets.Ingestion;
using MailTicketing.Worker.Composition;
using Spectre.Console;

namespace MailTicketing.Worker.Cli;

/// <summary>
/// The short table `run --once` and `import` end with. "joined": added to an existing ticket
/// (replies, repeats, bounces, the same mail at a second mailbox); "acks": acknowledgements queued.
/// </summary>
internal static class SummaryTable
{
    public static void Write(IAnsiConsole console, IngestSummary summary, WorkerServices services)
    {
        var table = new Table().AddColumns("mailbox", "read", "new", "joined", "dupes", "quarantined", "acks", "errors");
        foreach (var mailbox in summary.Mailboxes)
        {
            var read = Enum.GetValues<IngestOutcome>().Where(o => o != IngestOutcome.AlreadyDone).Sum(o => summary.Count(mailbox, o)) + summary.Errors(mailbox);
            table.AddRow(
                mailbox,
                N(read),
                N(summary.Count(mailbox, IngestOutcome.NewTicket)),
                N(summary.Count(mailbox, IngestOutcome.AddedToTicket) + summary.Count(mailbox, IngestOutcome.AboutOurMessage) + summary.Count(mailbox, IngestOutcome.AlsoReceivedInMailbox)),
                N(summary.Count(mailbox, IngestOutcome.Duplicate) + summary.Count(mailbox, IngestOutcome.Ignored)),
                N(summary.Count(mailbox, IngestOutcome.Quarantined)),
                N(summary.Acknowledged(mailbox)),
                N(summary.Errors(mailbox)));
        }

        console.Write(table);
        var skipped = summary.Count(IngestOutcome.AlreadyDone);
        console.WriteLine($"{N(skipped)} already ingested before; {N(summary.Scheduled)} scheduled actions (SLA notices, follow-ups, closes); {N(summary.Delivered)} messages delivered to {services.Sender.Destination}");
        console.WriteLine($"database: {StoreFactory.Describe(services.Options)}");
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
