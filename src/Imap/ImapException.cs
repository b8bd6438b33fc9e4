namespace MailTicketing.Imap;

/// <summary>
/// Base of every error the IMAP client raises. Only <see cref="ImapCommandException"/> leaves
/// the connection usable; after any other one the client is faulted: dispose it and reconnect.
/// </summary>
public abstract class ImapException : Exception
{
    protected ImapException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
