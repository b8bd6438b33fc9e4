namespace MailTicketing.Smtp;

/// <summary>
/// The connection cannot be made as safe as configured: the server certificate does not
/// validate, STARTTLS is required but not offered, or AUTH would go over plain text.
/// Permanent: retrying will not help until the configuration or the server changes.
/// </summary>
public sealed class SmtpSecurityException : SmtpException
{
    public SmtpSecurityException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public override bool IsTransient => false;
}
