namespace MailTicketing.Tickets.Sla;

/// <summary>One SLA policy in configuration ("MailTicketing:Sla:Policies:N"). Targets are business time in the named calendar.</summary>
public sealed class SlaPolicyOptions
{
    /// <summary>The name routing rules use in their <c>sla</c> action ("standard", "critical").</summary>
    public string Name { get; set; } = "";

    /// <summary>A calendar from Calendars; empty means around the clock in UTC.</summary>
    public string? Calendar { get; set; }

    public TimeSpan FirstResponse { get; set; } = TimeSpan.FromHours(8);

    public TimeSpan Resolution { get; set; } = TimeSpan.FromHours(40);

    /// <summary>Remind the team when this share of a target has passed (0.75 = at 75%); null for no reminders.</summary>
    public double? ReminderShare { get; set; } = 0.75;

    /// <summary>Send an escalation notice when a target is breached.</summary>
    public bool EscalateOnBreach { get; set; } = true;

    /// <summary>Stop the resolution clock while the ticket waits on the customer (common helpdesk practice).</summary>
    public bool PauseWhileWaitingOnCustomer { get; set; } = true;
}
