namespace MailTicketing.Tickets.Sla;

/// <summary>
/// One SLA clock of a ticket as of <paramref name="AsOf"/>. Durations are business time.
/// </summary>
/// <param name="Elapsed">Business time counted so far.</param>
/// <param name="ReminderAt">When the reminder share of the target is (or, while running, will be) reached; null without reminders, or when the clock paused or stopped before it.</param>
/// <param name="DueAt">When the target is (or, while running, will be) reached; null when the clock paused or stopped before it.</param>
/// <param name="StoppedAt">When the clock stopped, for a stopped clock.</param>
public sealed record SlaClock(
    SlaClockKind Kind,
    DateTimeOffset AsOf,
    TimeSpan Target,
    SlaClockState State,
    TimeSpan Elapsed,
    DateTimeOffset? ReminderAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? StoppedAt)
{
    /// <summary>Business time left; negative when overdue.</summary>
    public TimeSpan Remaining => Target - Elapsed;

    /// <summary>
    /// The target was reached while the clock ran. A reply at the very instant of the deadline
    /// is in time; a running clock is breached from the deadline on.
    /// </summary>
    public bool Breached => DueAt is { } due && due <= AsOf && (StoppedAt is not { } stopped || due < stopped);
}
