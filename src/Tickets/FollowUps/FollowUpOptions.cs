namespace MailTicketing.Tickets.FollowUps;

/// <summary>
/// Customer follow-ups in configuration ("MailTicketing:FollowUps"): a ticket waiting on the
/// customer is reminded, then closed; a resolved ticket is closed after a quiet period.
/// </summary>
public sealed class FollowUpOptions
{
    public const string Section = "MailTicketing:FollowUps";

    public bool Enabled { get; set; } = true;

    /// <summary>Remind the customer this long after the ticket started waiting on them; empty for no reminder.</summary>
    public TimeSpan? ReminderAfter { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Close the ticket, with a notice, this long after it started waiting on the customer.</summary>
    public TimeSpan CloseAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Close a resolved ticket this long after it was resolved, if the customer stays quiet; empty to leave resolved tickets open.</summary>
    public TimeSpan? ResolvedCloseAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Tell the customer when a resolved ticket is closed (they were already told it was resolved).</summary>
    public bool NotifyOnResolvedClose { get; set; }

    /// <summary>Wall (elapsed) or Business time of <see cref="Calendar"/>.</summary>
    public FollowUpClock Clock { get; set; } = FollowUpClock.Wall;

    /// <summary>A calendar from MailTicketing:Sla:Calendars; required for the Business clock.</summary>
    public string? Calendar { get; set; }
}
