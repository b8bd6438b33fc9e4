using System.CommandLine;
using System.Globalization;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Schedule;
using MailTicketing.Worker.Export;
using Spectre.Console;

namespace MailTicketing.Worker.Cli;

/// <summary>`tickets list|show|set-status|export`.</summary>
internal static class TicketsCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var command = new Command("tickets", "List, show, change and export tickets.");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(SetStatus(context));
        command.Subcommands.Add(Export(context));
        return command;
    }

    private static Command List(Func<ParseResult, CommandContext> context)
    {
        var mailbox = new Option<string?>("--mailbox") { Description = "Only tickets visible in this mailbox." };
        var status = new Option<TicketStatus?>("--status") { Description = "Only tickets with this status." };
        var customer = new Option<string?>("--customer") { Description = "Only tickets of this customer address." };
        var limit = new Option<int>("--limit") { Description = "At most this many, newest first.", DefaultValueFactory = _ => 100 };
        var command = new Command("list", "List tickets, newest first.") { mailbox, status, customer, limit };
        command.SetAction(async (result, token) =>
        {
            var ctx = context(result);
            await using var services = await ctx.CreateServicesAsync(token);
            var tickets = await services.Store.ListTicketsAsync(new TicketQuery(result.GetValue(mailbox), result.GetValue(status), result.GetValue(customer), result.GetValue(limit)), token);
            var schedule = (await services.Schedule.Store.GetTicketsAsync([.. tickets.Select(t => t.Id)], token)).ToDictionary(s => s.Ticket.Id);
            var now = ctx.Clock.GetUtcNow();
            var table = new Table().AddColumns("number", "status", "priority", "queue", "customer", "subject", "sla", "updated");
            foreach (var t in tickets)
            {
                var sla = schedule.TryGetValue(t.Id, out var facts) ? SlaReport.Describe(services.Schedule.Catalog, facts, now) : "-";
                table.AddRow(
                    Markup.Escape(t.Number.ToString()), t.Status.ToString(), t.Priority.ToString(), Markup.Escape(t.Queue), Markup.Escape(t.CustomerAddress),
                    Markup.Escape(Shorten(t.Subject, 50)), Markup.Escape(sla), t.UpdatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            }

            ctx.Console.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Show(Func<ParseResult, CommandContext> context)
    {
        var number = new Argument<string>("number") { Description = "The ticket number, e.g. SUP-000123." };
        var command = new Command("show", "Show a ticket: header, identifiers, messages and history.") { number };
        command.SetAction(async (result, token) =>
        {
            var ctx = context(result);
            if (!TicketNumber.TryParse(result.GetRequiredValue(number), out var parsed))
            {
                ctx.Error.WriteLine($"tickets show: '{result.GetValue(number)}' is not a ticket number like SUP-000123");
                return 2;
            }

            await using var services = await ctx.CreateServicesAsync(token);
            var details = await services.Store.GetTicketAsync(parsed.Value, token);
            if (details is null)
            {
                ctx.Error.WriteLine($"tickets show: no ticket {parsed}");
                return 1;
            }

            var schedule = await services.Schedule.Store.GetTicketsAsync([details.Ticket.Id], token);
            var sla = schedule.Count == 1 ? SlaReport.Evaluate(services.Schedule.Catalog, schedule[0], ctx.Clock.GetUtcNow()) : null;
            TicketView.Write(ctx.Console, details, sla);
            return 0;
        });
        return command;
    }

    private static Command SetStatus(Func<ParseResult, CommandContext> context)
    {
        var number = new Argument<string>("number") { Description = "The ticket number." };
        var status = new Argument<TicketStatus>("status") { Description = "Submitted, InProgress, WaitingOnCustomer, Resolved or Closed." };
        var by = new Option<string>("--by") { Description = "Who made the change (recorded in the history).", DefaultValueFactory = _ => Environment.UserName };
        var command = new Command("set-status", "Change a ticket's status.") { number, status, by };
        command.SetAction(async (result, token) =>
        {
            var ctx = context(result);
            if (!TicketNumber.TryParse(result.GetRequiredValue(number), out var parsed))
            {
                ctx.Error.WriteLine($"tickets set-status: '{result.GetValue(number)}' is not a ticket number like SUP-000123");
                return 2;
            }

            await using var services = await ctx.CreateServicesAsync(token);
            var changed = await services.Store.SetStatusAsync(parsed.Value, result.GetValue(status), result.GetRequiredValue(by), ctx.Clock.GetUtcNow(), token);
            if (!changed)
            {
                ctx.Error.WriteLine($"tickets set-status: no ticket {parsed}");
                return 1;
            }

            ctx.Console.WriteLine($"{parsed}: {result.GetValue(status)}");
            return 0;
        });
        return command;
    }

    private static Command Export(Func<ParseResult, CommandContext> context)
    {
        var format = new Option<string>("--format") { Description = "The export format (json).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json");
        var output = new Option<string?>("--output") { Description = "Write to this file instead of standard output." };
        var command = new Command("export", "Export every ticket with its messages (for audit and migration).") { format, output };
        command.SetAction(async (result, token) =>
        {
            var ctx = context(result);
            await using var services = await ctx.CreateServicesAsync(token);
            var path = result.GetValue(output);
            await using var stream = path is null ? System.Console.OpenStandardOutput() : File.Create(path);
            var count = await TicketExportJson.WriteAsync(services.Store.ExportAsync(token), stream, token);
            if (path is not null)
            {
                ctx.Console.WriteLine($"{count} tickets written to {path}");
            }

            return 0;
        });
        return command;
    }

    internal static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
