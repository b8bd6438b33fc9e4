using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.FollowUps;

/// <summary>
/// What follow-ups of one ticket depend on: its status and since when it has had it. A
/// customer reply moves a waiting or resolved ticket to InProgress (ingestion does that; an
/// auto-reply does not), which ends the period and with it every follow-up planned for it.
/// </summary>
public sealed record FollowUpFacts(long TicketId, TicketStatus Status, DateTimeOffset StatusSince);
