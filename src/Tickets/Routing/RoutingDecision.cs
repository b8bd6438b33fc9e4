using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.Routing;

/// <summary>
/// Where a ticket goes and how it is acknowledged. A null value is "not decided": a new ticket
/// then goes to its mailbox's queue at Normal priority, and a follow-up keeps what it has
/// (see <see cref="TicketRouting.Apply"/> for how a follow-up's decision changes a ticket).
/// </summary>
public sealed record RoutingDecision
{
    public static RoutingDecision None { get; } = new();

    public string? Queue { get; init; }
    public string? Category { get; init; }
    public TicketPriority? Priority { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? SlaPolicy { get; init; }
    public string? AssignGroup { get; init; }

    /// <summary>Ticket fields set from the message (a case number, a chain name), by field name.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>One of <see cref="Acknowledgements.AcknowledgementTemplates.Names"/>; null for the standard one.</summary>
    public string? AcknowledgementTemplate { get; init; }

    public bool SuppressAcknowledgement { get; init; }

    /// <summary>The rules that fired, in order; stored on the ticket.</summary>
    public IReadOnlyList<string> FiredRules { get; init; } = [];
}
