using MailTicketing.Tickets.Ports;
using MailTicketing.Tickets.Sla;

namespace MailTicketing.Tickets.Schedule;

/// <summary>Where tickets stand against their SLA, for people: `tickets list`, `tickets show`, `status`.</summary>
public static class SlaReport
{
    /// <summary>The ticket's clocks at <paramref name="now"/>; null when no policy applies to it.</summary>
    public static SlaStatus? Evaluate(SlaCatalog catalog, ScheduledTicket ticket, DateTimeOffset now) =>
        catalog.Resolve(ticket.SlaPolicy, ticket.Ticket.Priority) is { } policy
            ? SlaEvaluator.Evaluate(policy, ticket.SlaFacts, now)
            : null;

    /// <summary>"response 2h 10m left", "resolution overdue 45m", "met", or "-" without a policy.</summary>
    public static string Describe(SlaCatalog catalog, ScheduledTicket ticket, DateTimeOffset now) =>
        Evaluate(catalog, ticket, now) is { } status ? SlaDisplay.Summary(status) : "-";

    /// <summary>Open tickets with a target already missed (first response or resolution), at <paramref name="now"/>.</summary>
    public static async Task<int> CountOpenBreachesAsync(IScheduleStore store, SlaCatalog catalog, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var breaches = 0;
        await foreach (var ticket in OpenTickets.ReadAsync(store, cancellationToken))
        {
            if (Evaluate(catalog, ticket, now) is { } status && (status.FirstResponse.Breached || status.Resolution.Breached))
            {
                breaches++;
            }
        }

        return breaches;
    }
}
