namespace MailTicketing.Tickets.FollowUps;

public enum FollowUpActionKind
{
    /// <summary>Remind the customer that we wait for their reply.</summary>
    WaitingReminder,

    /// <summary>Close a ticket the customer never answered, and tell them.</summary>
    WaitingAutoClose,

    /// <summary>Close a resolved ticket after its quiet period.</summary>
    ResolvedAutoClose,
}
