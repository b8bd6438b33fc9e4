namespace MailTicketing.Tickets.Ports;

/// <summary>What became of a <see cref="ScheduledClaim"/>.</summary>
public enum ClaimOutcome
{
    /// <summary>The action was taken: its claim, notice and ticket change are committed together.</summary>
    Claimed,

    /// <summary>Someone took it before (another worker, an earlier run): nothing was done.</summary>
    AlreadyClaimed,

    /// <summary>The ticket's status changed after the action was planned (a reply came in): nothing was done.</summary>
    Stale,
}
