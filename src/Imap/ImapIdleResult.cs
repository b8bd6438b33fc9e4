namespace MailTicketing.Imap;

/// <summary>Why waiting for changes ended.</summary>
/// <param name="MailboxChanged">True when messages arrived or were expunged; false when the wait simply ran out.</param>
/// <param name="Exists">The mailbox's message count as last reported.</param>
public readonly record struct ImapIdleResult(bool MailboxChanged, uint Exists);
