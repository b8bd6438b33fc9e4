using MailTicketing.Rules;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.Routing;

/// <summary>
/// Routing by the rules file. What no rule decides for a new ticket (no queue, no priority) is
/// decided as without rules, by <see cref="MailboxRoutingPolicy"/>. The rule set is asked for
/// on every message, so a reloaded file applies from the next message on.
/// </summary>
public sealed class RulesRoutingPolicy(Func<RuleSet> rules) : IRoutingPolicy
{
    private readonly MailboxRoutingPolicy _fallback = new();

    public RoutingDecision Route(RoutingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Decide(input, rules().Route(Facts(input)));
    }

    /// <summary>Routes and also returns the rules' own outcome, with an explanation for every rule (for `rules test`).</summary>
    public RoutingDecision Route(RoutingInput input, out RuleOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(input);
        outcome = rules().Evaluate(Facts(input));
        return Decide(input, outcome);
    }

    private RoutingDecision Decide(RoutingInput input, RuleOutcome outcome)
    {
        var fallback = _fallback.Route(input);
        return new RoutingDecision
        {
            Queue = outcome.Queue ?? fallback.Queue,
            Category = outcome.Category ?? fallback.Category,
            Priority = outcome.Priority is { } priority ? ToTicketPriority(priority) : fallback.Priority,
            Tags = outcome.Tags,
            SlaPolicy = outcome.SlaPolicy,
            AssignGroup = outcome.AssignGroup,
            Fields = outcome.Fields,
            AcknowledgementTemplate = outcome.AcknowledgementTemplate,
            SuppressAcknowledgement = outcome.AcknowledgementSuppressed,
            FiredRules = outcome.FiredRules,
        };
    }

    /// <summary>The rules' view of a message: identifiers by kind, TxIDs with the chain extraction saw.</summary>
    public static RoutingFacts Facts(RoutingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<string> uids = [];
        List<TransactionFact> transactions = [];
        List<string> orders = [];
        foreach (var identifier in input.Identifiers)
        {
            switch (identifier.Kind)
            {
                case IdentifierKind.AccountUid:
                    uids.Add(identifier.Value);
                    break;
                case IdentifierKind.TransactionId:
                    transactions.Add(new TransactionFact(identifier.Value, identifier.Chain));
                    break;
                case IdentifierKind.OrderId:
                    orders.Add(identifier.Value);
                    break;
            }
        }

        return new RoutingFacts
        {
            Mailbox = input.MailboxAddress,
            SenderAddress = input.SenderAddress,
            Subject = input.Subject,
            Text = input.Text,
            Language = input.Language,
            Uids = uids,
            Transactions = transactions,
            OrderIds = orders,
            Amounts = input.Amounts.Select(a => new AmountFact(a.Value, a.Asset)).ToList(),
            AttachmentContentTypes = input.AttachmentTypes,
            AuthenticationFailed = input.AuthenticationFailed,
            IsAutoReply = input.IsAutoReply,
            IsBounce = input.IsBounce,
            IsNewTicket = input.IsNewTicket,
        };
    }

    private static TicketPriority ToTicketPriority(RulePriority priority) => priority switch
    {
        RulePriority.Low => TicketPriority.Low,
        RulePriority.Normal => TicketPriority.Normal,
        RulePriority.High => TicketPriority.High,
        _ => TicketPriority.Urgent,
    };
}
