using MailTicketing.Rules;
using MailTicketing.Tickets.Routing;

namespace MailTicketing.Worker.Cli;

/// <summary>One message of a `rules test` run: what the rules saw, said and decided, or why it could not be routed.</summary>
internal sealed record RulesCommandResult(
    string File,
    string? Subject,
    RoutingInput? Input,
    string MailboxChoice,
    RuleOutcome? Outcome,
    RoutingDecision? Decision,
    (string? Template, string Note) Acknowledgement,
    string? Error)
{
    public static RulesCommandResult Failed(string file, string error) => new(file, null, null, "", null, null, (null, ""), error);
}
