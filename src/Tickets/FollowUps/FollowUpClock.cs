namespace MailTicketing.Tickets.FollowUps;

/// <summary>How follow-up delays are measured.</summary>
public enum FollowUpClock
{
    /// <summary>Elapsed time: 48 hours is two days, weekends included.</summary>
    Wall,

    /// <summary>Business time of a calendar: 48 hours is six 8-hour working days.</summary>
    Business,
}
