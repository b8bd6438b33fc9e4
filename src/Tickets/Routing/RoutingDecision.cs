using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.Routing;

/// <summary>Where a ticket goes and how it is acknowledged. <see cref="FiredRules"/> is stored on the ticket.</summary>
public sealed record RoutingDecision(
    string Queue,
    string? Category,
    TicketPriority Priority,
    IReadOnlyList<string> Tags,
    bool SuppressAcknowledgement,
    IReadOnlyList<string> FiredRules);
