namespace MailTicketing.Tickets.Configuration;

/// <summary>How ingestion threads, limits and acknowledges. Defaults suit the embedded set-up.</summary>
public sealed record TicketingOptions
{
    public IReadOnlyList<MailboxDefinition> Mailboxes { get; init; } = [];

    /// <summary>Shown in acknowledgements ("Example Exchange Support").</summary>
    public string CompanyName { get; init; } = "Support";

    /// <summary>How long the same customer's mail about the same TxID or order joins the open ticket.</summary>
    public TimeSpan SameIdentifierWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How long a near-duplicate text from the same customer joins the open ticket.</summary>
    public TimeSpan NearDuplicateWindow { get; init; } = TimeSpan.FromDays(3);

    /// <summary>At most this many acknowledgements per sender per hour (mail loops, floods).</summary>
    public int MaxAcknowledgementsPerSenderPerHour { get; init; } = 3;

    /// <summary>Larger messages are quarantined (kept raw) instead of parsed.</summary>
    public long MaxMessageBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>
    /// The authserv-id our own receiving server writes in Authentication-Results. When set, only
    /// those headers count (a sender can add forged ones); when null, the topmost header counts.
    /// </summary>
    public string? TrustedAuthServId { get; init; }

    /// <summary>Addresses that are ours besides the mailboxes (no-reply senders, staff aliases); never acknowledged.</summary>
    public IReadOnlyList<string> OwnAddresses { get; init; } = [];

    /// <summary>
    /// Domains whose senders are staff ("exchange.example"). Staff mail on a ticket that is
    /// addressed to its customer (an agent replying with the support mailbox in copy) is the
    /// first response the SLA waits for, and it does not reopen a ticket the way a customer's
    /// mail does. Staff addresses are ours: never acknowledged.
    /// </summary>
    public IReadOnlyList<string> StaffDomains { get; init; } = [];

    public MailboxDefinition? FindMailbox(string name) =>
        Mailboxes.FirstOrDefault(m => m.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    public bool IsOwnAddress(string address) =>
        Mailboxes.Any(m => m.Address.Equals(address, StringComparison.OrdinalIgnoreCase)) || IsStaffAddress(address);

    /// <summary>A person on our side: an own address or a staff domain, but not a support mailbox itself.</summary>
    public bool IsStaffAddress(string address)
    {
        if (Mailboxes.Any(m => m.Address.Equals(address, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var at = address.LastIndexOf('@');
        return OwnAddresses.Any(a => a.Equals(address, StringComparison.OrdinalIgnoreCase))
            || (at > 0 && StaffDomains.Any(d => d.Equals(address.AsSpan(at + 1).Trim().ToString(), StringComparison.OrdinalIgnoreCase)));
    }
}
