namespace MailTicketing.Imap;

/// <summary>
/// The server sent something the client cannot read past (a malformed token, a literal
/// larger than the configured limit, an unexpected tag). The connection is given up.
/// </summary>
public sealed class ImapProtocolException(string message, Exception? innerException = null) : ImapException(message, innerException);
