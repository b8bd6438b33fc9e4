using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace MailTicketing.Worker.Cli;

/// <summary>`quarantine list|show|replay`: the messages that could not become tickets, and running them again after a fix.</summary>
internal static class QuarantineCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var command = new Command("quarantine", "Inspect and replay quarantined messages.");

        var all = new Option<bool>("--all") { Description = "Include messages already replayed." };
        var list = new Command("list", "List quarantined messages.") { all };
        list.SetAction(async (result, token) =>
        {
            var ctx = context(result);
            await using var services = await ctx.CreateServicesAsync(token);
            var table = new Table().AddColumns("id", "mailbox", "reason", "detail", "size", "received", "replayed");
            foreach (var q in await services.Store.ListQuarantineAsync(result.GetValue(all), token))
            {
                table.AddRow(
                    q.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(q.Mailbox), Markup.Escape(q.Reason), Markup.Escape(TicketsCommand.Shorten(q.Detail, 60)),
                    q.Size.ToString(CultureInfo.InvariantCulture), q.ReceivedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    q.ReplayedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "");
            }

            ctx.Console.Write(table);
            return 0;
        });

        var showId = new Argument<long>("id");
        var raw = new Option<bool>("--raw") { Description = "Print the raw message bytes instead of the summary." };
        var show = new Command("show", "Show a quarantined message.") { showId, raw };
        show.SetAction(async (result, token) =>
        {
            var ctx = context(result);
            await using var services = await ctx.CreateServicesAsync(token);
            var entry = await services.Store.GetQuarantineAsync(result.GetValue(showId), token);
            if (entry is null)
            {
                ctx.Error.WriteLine($"quarantine show: no quarantined message {result.GetValue(showId)}");
                return 1;
            }

            if (result.GetValue(raw))
            {
                await using var blob = await services.Store.OpenBlobAsync(entry.RawSha256, token);
                await using var stdout = System.Console.OpenStandardOutput();
                if (blob is not null)
                {
                    await blob.CopyToAsync(stdout, token);
                }

                return 0;
            }

            ctx.Console.WriteLine($"#{entry.Id} in {entry.Mailbox}, from {entry.Source} {entry.SourceKey}");
            ctx.Console.WriteLine($"reason: {entry.Reason}: {entry.Detail}");
            ctx.Console.WriteLine($"size {entry.Size} bytes, received {entry.ReceivedAt:u}, quarantined {entry.QuarantinedAt:u}{(entry.ReplayedAt is { } at ? $", replayed {at:u}" : "")}");
            ctx.Console.WriteLine($"raw message sha256:{entry.RawSha256} (quarantine show {entry.Id} --raw)");
            return 0;
        });

        var replayId = new Argument<long?>("id") { Arity = ArgumentArity.ZeroOrOne, Description = "The message to replay; all unreplayed ones with --all." };
        var replayAll = new Option<bool>("--all") { Description = "Replay every message not yet replayed." };
        var replay = new Command("replay", "Run quarantined messages through ingestion again (after a fix or a raised limit).") { replayId, replayAll };
        replay.SetAction(async (result, token) =>
        {
            var ctx = context(result);
            await using var services = await ctx.CreateServicesAsync(token);
            var ids = result.GetValue(replayId) is { } one
                ? [one]
                : result.GetValue(replayAll)
                    ? (await services.Store.ListQuarantineAsync(false, token)).Select(q => q.Id).ToList()
                    : null;
            if (ids is null)
            {
                ctx.Error.WriteLine("quarantine replay: give an id, or --all");
                return 2;
            }

            foreach (var id in ids)
            {
                var outcome = await services.Ingest.ReplayAsync(id, token);
                ctx.Console.WriteLine($"#{id}: {outcome.Outcome} {outcome.Ticket} {outcome.Detail}");
            }

            await services.Sender.DeliverDueAsync(token);
            return 0;
        });

        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        command.Subcommands.Add(replay);
        return command;
    }
}
