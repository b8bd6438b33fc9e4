namespace MailTicketing.Imap;

/// <summary>What SELECT or EXAMINE reported about a mailbox (RFC 3501 §6.3.1).</summary>
public sealed record ImapMailboxInfo
{
    public required string Name { get; init; }

    public required ImapUidValidity UidValidity { get; init; }

    /// <summary>The UID the next message will get at the earliest; null when the server did not say.</summary>
    public ImapUid? UidNext { get; init; }

    /// <summary>Messages in the mailbox at selection time.</summary>
    public required uint Exists { get; init; }

    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>Flags that can be stored for good; "\*" means new keywords may be created.</summary>
    public IReadOnlyList<string> PermanentFlags { get; init; } = [];

    /// <summary>EXAMINE, or a server that only allows reading: no STORE, MOVE or EXPUNGE.</summary>
    public bool IsReadOnly { get; init; }
}
