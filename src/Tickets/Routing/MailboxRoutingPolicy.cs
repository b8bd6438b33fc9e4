using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.Routing;

/// <summary>
/// The routing used when no rules file is configured, and for what the rules leave open: each
/// mailbox is its own queue, mail to security@ is high priority, and a failed SPF/DKIM/DMARC
/// check raises the priority one step. A follow-up changes nothing.
/// </summary>
public sealed class MailboxRoutingPolicy : IRoutingPolicy
{
    public RoutingDecision Route(RoutingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!input.IsNewTicket)
        {
            return RoutingDecision.None;
        }

        var priority = input.Mailbox.Equals("security", StringComparison.OrdinalIgnoreCase) ? TicketPriority.High : TicketPriority.Normal;
        if (input.AuthenticationFailed && priority < TicketPriority.Urgent)
        {
            priority++;
        }

        return new RoutingDecision { Queue = input.Mailbox.ToLowerInvariant(), Priority = priority };
    }
}
