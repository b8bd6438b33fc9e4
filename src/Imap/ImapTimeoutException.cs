namespace MailTicketing.Imap;

/// <summary>
/// The server did not answer within the configured timeout. Where the response stream stands
/// is unknown after that, so the connection is given up, like a lost one.
/// </summary>
public sealed class ImapTimeoutException(string message) : ImapConnectionLostException(message);
