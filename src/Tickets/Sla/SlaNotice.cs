namespace MailTicketing.Tickets.Sla;

/// <summary>
/// A team notice that is due. <see cref="Key"/> is stable for the ticket, clock and kind
/// ("sla:42:first-response:reminder"): claim it in the database before sending, and it is sent
/// once however often or wherever the planner runs.
/// </summary>
/// <param name="Moment">When it became due (it may lie in the past after downtime).</param>
/// <param name="Clock">The clock as of the planner's now, for the notice text.</param>
public sealed record SlaNotice(string Key, long TicketId, SlaNoticeKind Kind, DateTimeOffset Moment, SlaClock Clock)
{
    public static string KeyFor(long ticketId, SlaClockKind clock, SlaNoticeKind kind) =>
        $"sla:{ticketId}:{(clock == SlaClockKind.FirstResponse ? "first-response" : "resolution")}:{(kind == SlaNoticeKind.Reminder ? "reminder" : "breach")}";
}
