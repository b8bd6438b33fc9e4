namespace MailTicketing.Tickets.Sla;

/// <summary>
/// A compiled SLA policy: targets in business time of <see cref="Calendar"/>.
/// The first-response clock runs from creation to the first staff reply and never pauses
/// (setting WaitingOnCustomer presupposes that we wrote). The resolution clock runs from
/// creation to Resolved or Closed, pauses while WaitingOnCustomer when
/// <see cref="PauseWhileWaitingOnCustomer"/>, and resumes if the ticket is reopened (time
/// spent Resolved never counts).
/// </summary>
public sealed record SlaPolicy(
    string Name,
    BusinessCalendar Calendar,
    TimeSpan FirstResponse,
    TimeSpan Resolution,
    double? ReminderShare,
    bool EscalateOnBreach,
    bool PauseWhileWaitingOnCustomer)
{
    public TimeSpan TargetOf(SlaClockKind clock) => clock == SlaClockKind.FirstResponse ? FirstResponse : Resolution;
}
