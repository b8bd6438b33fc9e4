namespace MailTicketing.Imap;

/// <summary>How UID STORE changes the flags (RFC 3501 §6.4.6).</summary>
public enum ImapStoreMode
{
    /// <summary>+FLAGS: add the flags.</summary>
    Add,

    /// <summary>-FLAGS: remove the flags.</summary>
    Remove,

    /// <summary>FLAGS: the flags become exactly these.</summary>
    Replace,
}
