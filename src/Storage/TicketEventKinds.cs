namespace MailTicketing.Storage;

/// <summary>The kinds of ticket events the store writes by itself (the domain writes its own through the session).</summary>
public static class TicketEventKinds
{
    /// <summary>Detail: "Submitted -> Resolved by alice".</summary>
    public const string StatusChanged = "status-changed";

    /// <summary>Staff answered the customer for the first time (the first-response SLA clock stopped). Detail: how.</summary>
    public const string FirstResponse = Tickets.Model.TicketEvent.FirstResponseKind;

    /// <summary>An outbox message was delivered. Detail: recipient and the server's reply.</summary>
    public const string OutboxSent = "outbox-sent";

    /// <summary>A delivery attempt failed and will be retried. Detail: recipient, error, retry time.</summary>
    public const string OutboxRetry = "outbox-retry";

    /// <summary>A delivery attempt failed for good. Detail: recipient and error.</summary>
    public const string OutboxFailed = "outbox-failed";
}
