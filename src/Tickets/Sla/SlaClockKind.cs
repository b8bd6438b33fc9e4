namespace MailTicketing.Tickets.Sla;

/// <summary>The two clocks of an SLA; their names appear in notice keys.</summary>
public enum SlaClockKind
{
    FirstResponse,
    Resolution,
}
