namespace MailTicketing.Imap;

/// <summary>The status of a tagged response (RFC 3501 §7.1).</summary>
public enum ImapResponseStatus
{
    Ok,
    No,
    Bad,
}
