namespace MailTicketing.Imap.Protocol;

internal enum ImapResponseKind
{
    Untagged,
    Continuation,
    Tagged,
}
