namespace MailTicketing.Imap;

/// <summary>What UID FETCH reported about one message besides its body.</summary>
public sealed record ImapMessageSummary
{
    public required ImapUid Uid { get; init; }

    /// <summary>The message sequence number at the time of the fetch (changes with expunges).</summary>
    public uint SequenceNumber { get; init; }

    /// <summary>RFC822.SIZE: the size in bytes of the message as the server would send it.</summary>
    public long? Size { get; init; }

    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>INTERNALDATE: when the server received the message.</summary>
    public DateTimeOffset? InternalDate { get; init; }

    public bool HasFlag(string flag) => Flags.Contains(flag, StringComparer.OrdinalIgnoreCase);
}
