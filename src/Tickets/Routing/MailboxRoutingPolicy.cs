using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.Routing;

/// <summary>
/// The routing used when no rules file is configured: each mailbox is its own queue, mail to
/// security@ is high priority, and a failed SPF/DKIM/DMARC check raises the priority one step.
/// </summary>
public sealed class MailboxRoutingPolicy : IRoutingPolicy
{
    public RoutingDecision Route(RoutingInput input)
    {
        var priority = input.Mailbox.Equals("security", StringComparison.OrdinalIgnoreCase) ? TicketPriority.High : TicketPriority.Normal;
        if (input.AuthenticationFailed && priority < TicketPriority.Urgent)
        {
            priority++;
        }

        return new RoutingDecision(input.Mailbox.ToLowerInvariant(), null, priority, [], SuppressAcknowledgement: false, FiredRules: []);
    }
}
