namespace MailTicketing.Tickets.Ports;

/// <summary>A worker's claim to read a mailbox, valid until <see cref="ExpiresAt"/>.</summary>
/// <param name="AcquiredAt">When this owner took it; renewals keep it.</param>
public sealed record MailboxLease(string Mailbox, string Owner, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt)
{
    public bool IsLive(DateTimeOffset now) => ExpiresAt > now;
}
