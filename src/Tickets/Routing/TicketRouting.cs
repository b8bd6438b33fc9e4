using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.Routing;

/// <summary>
/// What routing stored on a ticket beyond its queue, category and priority: the SLA policy,
/// the group it is assigned to, tags, fields, and every rule that ever fired for it.
/// </summary>
public sealed record TicketRouting(
    string? SlaPolicy,
    string? AssignGroup,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<string> FiredRules)
{
    public static TicketRouting None { get; } = new(null, null, [], new Dictionary<string, string>(), []);

    public bool IsEmpty => SlaPolicy is null && AssignGroup is null && Tags.Count == 0 && Fields.Count == 0 && FiredRules.Count == 0;

    /// <summary>
    /// A decision applied on top of what the ticket has (docs/rules.md, "Follow-ups"): SLA
    /// policy, group and fields are replaced when decided, tags and fired rules are added (each
    /// once, in first-seen order).
    /// </summary>
    public TicketRouting Apply(RoutingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var fields = new Dictionary<string, string>(Fields, StringComparer.Ordinal);
        foreach (var (name, value) in decision.Fields)
        {
            fields[name] = value;
        }

        return new TicketRouting(
            decision.SlaPolicy ?? SlaPolicy,
            decision.AssignGroup ?? AssignGroup,
            Tags.Concat(decision.Tags).Distinct(StringComparer.Ordinal).ToList(),
            fields,
            FiredRules.Concat(decision.FiredRules).Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// A follow-up's decision applied to the ticket's header: queue and category are replaced
    /// when decided; priority is only ever raised, so a quiet follow-up never undoes an urgent one.
    /// </summary>
    public static (string Queue, string? Category, TicketPriority Priority) ApplyToHeader(TicketRecord ticket, RoutingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(decision);
        var priority = decision.Priority is { } decided && decided > ticket.Priority ? decided : ticket.Priority;
        return (decision.Queue ?? ticket.Queue, decision.Category ?? ticket.Category, priority);
    }
}
