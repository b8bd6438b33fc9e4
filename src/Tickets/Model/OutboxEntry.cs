namespace MailTicketing.Tickets.Model;

public enum OutboxState
{
    Pending,
    Sent,
    /// <summary>Refused permanently (5xx, or a suppressed address); recorded on the ticket, never retried.</summary>
    Failed,
}

/// <summary>A stored outbox row.</summary>
public sealed record OutboxEntry(
    long Id,
    long TicketId,
    TicketNumber TicketNumber,
    long MessageRowId,
    string Recipient,
    string MessageId,
    byte[] Raw,
    OutboxState State,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? SentAt);
