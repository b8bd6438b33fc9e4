namespace MailTicketing.Tickets.Sla;

/// <summary>Both SLA clocks of a ticket as of <see cref="At"/>.</summary>
public sealed record SlaStatus(string Policy, DateTimeOffset At, SlaClock FirstResponse, SlaClock Resolution)
{
    public SlaClock Clock(SlaClockKind kind) => kind == SlaClockKind.FirstResponse ? FirstResponse : Resolution;
}
