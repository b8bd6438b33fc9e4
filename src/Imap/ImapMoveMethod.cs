namespace MailTicketing.Imap;

/// <summary>How a move was carried out.</summary>
public enum ImapMoveMethod
{
    /// <summary>UID MOVE (RFC 6851): atomic.</summary>
    Move,

    /// <summary>UID COPY, then \Deleted and UID EXPUNGE of exactly those UIDs (RFC 4315 UIDPLUS).</summary>
    CopyAndExpunge,

    /// <summary>
    /// UID COPY and \Deleted only: without UIDPLUS a plain EXPUNGE would also remove messages
    /// others marked \Deleted, so the originals stay until the mailbox is next expunged.
    /// </summary>
    CopyAndMarkDeleted,
}
