namespace MailTicketing.Tickets.Sla;

public enum SlaNoticeKind
{
    /// <summary>The reminder share of a target has passed.</summary>
    Reminder,

    /// <summary>The target has passed: escalation.</summary>
    Breach,
}
