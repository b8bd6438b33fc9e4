namespace MailTicketing.Transport;

/// <summary>
/// The connection cannot be made as safe as configured: the CA file cannot be used or the TLS
/// handshake failed (with the certificate's reason when it was refused). Each client turns
/// it into its own security exception.
/// </summary>
public sealed class TransportSecurityException(string message, Exception? innerException = null) : Exception(message, innerException);
