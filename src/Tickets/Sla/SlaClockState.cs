namespace MailTicketing.Tickets.Sla;

public enum SlaClockState
{
    /// <summary>Counting now.</summary>
    Running,

    /// <summary>Frozen while the ticket waits on the customer; resumes when it stops waiting.</summary>
    Paused,

    /// <summary>Done: first response sent, or the ticket resolved or closed.</summary>
    Stopped,
}
