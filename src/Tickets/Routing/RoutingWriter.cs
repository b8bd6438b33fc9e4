using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Ports;

namespace MailTicketing.Tickets.Routing;

/// <summary>
/// Stores a routing decision on its ticket and records it in the history: the whole routing of
/// a new ticket, or what a follow-up's rules changed (docs/rules.md, "Follow-ups").
/// </summary>
internal static class RoutingWriter
{
    /// <summary>A new ticket's routing; its queue, category and priority were stored with the ticket.</summary>
    public static async Task WriteNewAsync(ITicketSession session, long ticketId, string queue, TicketPriority priority, RoutingDecision route, DateTimeOffset at)
    {
        var routing = TicketRouting.None.Apply(route);
        if (!routing.IsEmpty)
        {
            await session.SaveRoutingAsync(ticketId, routing);
        }

        if (route.FiredRules.Count > 0)
        {
            var parts = new List<string> { $"queue {queue}", $"priority {priority}" };
            parts.AddRange(Describe(TicketRouting.None, routing));
            await session.AddEventAsync(ticketId, at, "routed", $"{string.Join(", ", parts)}; rules: {string.Join(", ", route.FiredRules)}");
        }
    }

    /// <summary>A follow-up's rules acting on its ticket; nothing happens when no rule fired.</summary>
    public static async Task WriteFollowUpAsync(ITicketSession session, TicketRecord ticket, RoutingDecision route, string? messageId, DateTimeOffset at)
    {
        if (route.FiredRules.Count == 0)
        {
            return;
        }

        var changes = new List<string>();
        var (queue, category, priority) = TicketRouting.ApplyToHeader(ticket, route);
        if (queue != ticket.Queue || category != ticket.Category || priority != ticket.Priority)
        {
            await session.RerouteTicketAsync(ticket.Id, queue, category, priority);
            Change(changes, "queue", ticket.Queue, queue);
            Change(changes, "category", ticket.Category, category);
            Change(changes, "priority", ticket.Priority.ToString(), priority.ToString());
        }

        var stored = await session.GetRoutingAsync(ticket.Id);
        var routing = stored.Apply(route);
        await session.SaveRoutingAsync(ticket.Id, routing);
        changes.AddRange(Describe(stored, routing));
        var message = messageId is null ? "a follow-up" : $"follow-up <{messageId}>";
        await session.AddEventAsync(ticket.Id, at, "routed", $"{message}: {(changes.Count == 0 ? "no change" : string.Join(", ", changes))}; rules: {string.Join(", ", route.FiredRules)}");
    }

    private static IEnumerable<string> Describe(TicketRouting before, TicketRouting after)
    {
        var changes = new List<string>();
        if (after.SlaPolicy != before.SlaPolicy)
        {
            changes.Add($"sla {after.SlaPolicy}");
        }

        if (after.AssignGroup != before.AssignGroup)
        {
            changes.Add($"assigned to {after.AssignGroup}");
        }

        var added = after.Tags.Except(before.Tags, StringComparer.Ordinal).ToList();
        if (added.Count > 0)
        {
            changes.Add("tags +" + string.Join(" +", added));
        }

        foreach (var (name, value) in after.Fields)
        {
            if (!before.Fields.TryGetValue(name, out var old) || old != value)
            {
                changes.Add($"{name}={value}");
            }
        }

        return changes;
    }

    private static void Change(List<string> changes, string what, string? before, string? after)
    {
        if (before != after)
        {
            changes.Add($"{what} {before ?? "(none)"} -> {after ?? "(none)"}");
        }
    }
}
