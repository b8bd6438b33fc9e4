namespace MailTicketing.Tickets.Ingestion;

/// <summary>
/// A raw message from a source, not yet ingested. <paramref name="Open"/> may be called more
/// than once (hashing, storing and parsing each read the bytes), so sources hand out a file
/// or a spooled copy, never a one-shot network stream.
/// </summary>
/// <param name="Mailbox">The configured mailbox it was delivered to.</param>
/// <param name="Source">Where it came from, e.g. "maildir:/var/mail/support" or "import:backlog.mbox".</param>
/// <param name="SourceKey">Its stable key within the source (Maildir unique name, mbox index, IMAP UIDVALIDITY/UID).</param>
public sealed record IncomingMail(string Mailbox, string Source, string SourceKey, Func<Stream> Open);
