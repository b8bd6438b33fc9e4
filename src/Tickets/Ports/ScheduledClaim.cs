using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.Ports;

/// <summary>
/// One scheduled action, taken whole or not at all: the claim of <see cref="Key"/>, the notice
/// (stored on the ticket as an outbound message and queued in the outbox), the ticket's new
/// status, and an event in its history.
/// </summary>
/// <param name="ClaimedBy">The worker taking it (host, process), for the record.</param>
/// <param name="Outcome">A short word for the claim's record: "sent", "closed", "no team address", …</param>
/// <param name="Expected">When set, the action is taken only if the ticket still has this status since this time.</param>
/// <param name="NewStatus">When set, the ticket moves to this status.</param>
public sealed record ScheduledClaim(
    string Key,
    long TicketId,
    string ClaimedBy,
    DateTimeOffset At,
    string Outcome,
    string EventKind,
    string EventDetail,
    ScheduledMail? Mail = null,
    (TicketStatus Status, DateTimeOffset Since)? Expected = null,
    TicketStatus? NewStatus = null);
