namespace MailTicketing.Tickets.Ports;

/// <summary>
/// How far one IMAP folder has been read: every message up to <see cref="LastUid"/> within
/// <see cref="UidValidity"/> is committed (0 when none is yet). Saved in the ingestion
/// transaction of the messages it covers.
/// </summary>
/// <param name="Source">The folder, as the messages' source ("imap:HOST/USER/FOLDER").</param>
/// <param name="Mailbox">The configured mailbox the folder feeds.</param>
public sealed record ImapCheckpoint(string Source, string Mailbox, long UidValidity, long LastUid, DateTimeOffset UpdatedAt)
{
    /// <summary>The UIDVALIDITY before the last change, when it changed.</summary>
    public long? PreviousUidValidity { get; init; }

    public DateTimeOffset? UidValidityChangedAt { get; init; }

    /// <summary>How many times a changed UIDVALIDITY made the folder be read again from UID 1.</summary>
    public int Rescans { get; init; }
}
