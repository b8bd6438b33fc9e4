namespace MailTicketing.Smtp;

/// <summary>
/// Base of every SMTP failure. <see cref="IsTransient"/> tells an outbox whether to retry
/// later (4xx, connection lost, timeout) or record a permanent failure (5xx, a certificate
/// that does not validate, a refused password).
/// </summary>
public abstract class SmtpException : Exception
{
    protected SmtpException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public abstract bool IsTransient { get; }
}
