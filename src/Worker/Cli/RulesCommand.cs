using System.CommandLine;
using MailTicketing.Rules;
using MailTicketing.Worker.Composition;
using MailTicketing.Worker.Configuration;

namespace MailTicketing.Worker.Cli;

/// <summary>`rules validate [FILE]` and `rules test FILE.eml... [--rules FILE]`: check and try a rules file without touching the database.</summary>
internal static class RulesCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var command = new Command("rules", "Check a routing rules file, and try it on messages (dry run).");
        command.Subcommands.Add(Validate(context));
        command.Subcommands.Add(Test(context));
        return command;
    }

    private static Command Validate(Func<ParseResult, CommandContext> context)
    {
        var file = new Argument<FileInfo?>("file") { Description = "The rules file; by default the configured one (MailTicketing:RulesFile).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("validate", "Check a rules file; every error is listed as file:line:column.") { file };
        command.SetAction(result => RunValidate(context(result).Options, result.GetValue(file)?.FullName, Console.Out, Console.Error));
        return command;
    }

    private static Command Test(Func<ParseResult, CommandContext> context)
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Messages to route (.eml, raw RFC 5322).", Arity = ArgumentArity.OneOrMore };
        var rules = new Option<FileInfo?>("--rules") { Description = "The rules file; by default the configured one." };
        var mailbox = new Option<string?>("--mailbox") { Description = "The mailbox the messages arrived at; by default the configured mailbox named in To/Cc." };
        var followUp = new Option<bool>("--follow-up") { Description = "Route them as follow-ups on an existing ticket instead of new tickets." };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON." };
        var command = new Command("test", "Dry run: show, for each message, every rule matched or not and why, and the resulting routing. The database is not touched.")
        {
            files,
            rules,
            mailbox,
            followUp,
            json,
        };
        command.SetAction(result => RunTest(
            context(result).Options,
            result.GetRequiredValue(files),
            result.GetValue(rules)?.FullName,
            new RulesCommandDryRun.Settings(result.GetValue(mailbox), result.GetValue(followUp)),
            result.GetValue(json),
            Console.Out,
            Console.Error));
        return command;
    }

    /// <summary>0 when the file is valid; 1 with every error listed; 2 when there is no file to check.</summary>
    internal static int RunValidate(WorkerOptions options, string? file, TextWriter output, TextWriter error)
    {
        if (!TryLoad(options, file, "rules validate", output, error, out var rules, out var exit))
        {
            return exit;
        }

        output.WriteLine($"{rules.FileName}: valid, {rules.RuleNames.Count} rules; queues {string.Join(", ", rules.Queues)}");
        return 0;
    }

    /// <summary>0 when every message was routed; 1 when the rules file is invalid or a message could not be routed; 2 for a missing file.</summary>
    internal static int RunTest(
        WorkerOptions options, IReadOnlyList<FileInfo> files, string? rulesFile, RulesCommandDryRun.Settings settings, bool json, TextWriter output, TextWriter error)
    {
        if (files.FirstOrDefault(f => !f.Exists) is { } missing)
        {
            error.WriteLine($"rules test: no such file: {missing.FullName}");
            return 2;
        }

        if (!TryLoad(options, rulesFile, "rules test", output, error, out var rules, out var exit))
        {
            return exit;
        }

        var dryRun = new RulesCommandDryRun(options, rules, settings);
        var results = files.Select(f => dryRun.Route(f.FullName)).ToList();
        if (json)
        {
            RulesCommandOutput.WriteJson(rules, results, output);
        }
        else
        {
            RulesCommandOutput.WriteText(rules, results, output);
        }

        return results.Any(r => r.Error is not null) ? 1 : 0;
    }

    private static bool TryLoad(WorkerOptions options, string? file, string command, TextWriter output, TextWriter error, out RuleSet rules, out int exit)
    {
        rules = null!;
        var path = file ?? options.RulesPath;
        if (path is null)
        {
            error.WriteLine($"{command}: no rules file given and none configured (MailTicketing:RulesFile is empty)");
            exit = 2;
            return false;
        }

        var result = RulesReloader.Load(path);
        if (!result.TryGetRuleSet(out var loaded))
        {
            foreach (var problem in result.Errors)
            {
                output.WriteLine(problem);
            }

            error.WriteLine($"{command}: {path}: {result.Errors.Count} error{(result.Errors.Count == 1 ? "" : "s")}");
            exit = 1;
            return false;
        }

        rules = loaded;
        exit = 0;
        return true;
    }
}
