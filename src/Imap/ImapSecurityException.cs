namespace MailTicketing.Imap;

/// <summary>
/// The connection is not as safe as configured: the certificate is not trusted, STARTTLS is
/// not offered, or credentials would travel unencrypted. The client does not continue.
/// </summary>
public sealed class ImapSecurityException(string message, Exception? innerException = null) : ImapException(message, innerException);
