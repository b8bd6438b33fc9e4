namespace MailTicketing.Imap;

/// <summary>
/// The connection is gone: the server closed it (possibly in the middle of a literal), said
/// BYE, or the socket failed. Nothing more can be read from this client; reconnect.
/// </summary>
public class ImapConnectionLostException : ImapException
{
    public ImapConnectionLostException(string message, string? serverBye = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ServerBye = serverBye;
    }

    /// <summary>The text of the server's BYE, when the server said goodbye before closing.</summary>
    public string? ServerBye { get; }
}
