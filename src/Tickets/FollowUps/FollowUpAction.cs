using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.FollowUps;

/// <summary>
/// A follow-up that is due. <see cref="Key"/> names the ticket, the period (its start, to the
/// second, UTC) and the step, so a second waiting period gets fresh follow-ups:
/// "followup:42:waiting:20250311T091500Z:reminder". Claim the key, then act. A close must
/// also check that the ticket still has <see cref="ExpectedStatus"/> since
/// <see cref="PeriodStart"/> (a reply may arrive between planning and closing).
/// </summary>
/// <param name="Moment">When it became due (in the past after downtime).</param>
/// <param name="ClosesAt">For a reminder: when the ticket will be closed if the customer stays silent.</param>
public sealed record FollowUpAction(
    string Key,
    long TicketId,
    FollowUpActionKind Kind,
    DateTimeOffset Moment,
    TicketStatus ExpectedStatus,
    DateTimeOffset PeriodStart,
    bool CloseTicket,
    bool NotifyCustomer,
    DateTimeOffset? ClosesAt);
