namespace MailTicketing.Tickets.Ports;

/// <summary>The outbox as `status` sees it.</summary>
/// <param name="Pending">Mail not yet sent (due or waiting for a retry).</param>
/// <param name="OldestPendingAt">When the oldest of it was queued; null when none is pending.</param>
/// <param name="Retrying">Pending mail that has failed at least one attempt.</param>
/// <param name="Failed">Mail given up on (Failed) that was queued since the time asked about.</param>
public sealed record OutboxBacklog(int Pending, DateTimeOffset? OldestPendingAt, int Retrying, int Failed);
