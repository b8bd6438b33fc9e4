using System.CommandLine;
using MailTicketing.Worker.Composition;
using Spectre.Console;

namespace MailTicketing.Worker.Cli;

/// <summary>`migrate`: applies pending sql/ migrations (the worker also does this at start).</summary>
internal static class MigrateCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var command = new Command("migrate", "Apply pending database migrations and list them.");
        command.SetAction((result, token) => RunAsync(context(result), token));
        return command;
    }

    internal static async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var applied = await StoreFactory.MigrateAsync(context.Options, cancellationToken);
        var database = StoreFactory.Describe(context.Options);
        context.Console.WriteLine(applied.Count == 0
            ? $"{database}: up to date"
            : $"{database}: applied {string.Join(", ", applied)}");
        return 0;
    }
}
