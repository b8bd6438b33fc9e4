namespace MailTicketing.Tickets.Sla;

/// <summary>
/// What the SLA clocks of one ticket depend on, as stored. Facts later than the "now" they are
/// judged at are ignored, so a test (or a worker whose clock lags a peer's) sees a consistent past.
/// </summary>
/// <param name="FirstResponseAt">The first reply staff sent to the customer; null until then.</param>
/// <param name="StatusChanges">The status history after creation, in any order; the ticket is Submitted at <paramref name="CreatedAt"/> until the first change. Resolved-at is derived from it.</param>
public sealed record SlaFacts(
    long TicketId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FirstResponseAt,
    IReadOnlyList<StatusChange> StatusChanges);
