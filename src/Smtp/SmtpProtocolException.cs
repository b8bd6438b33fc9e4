namespace MailTicketing.Smtp;

/// <summary>
/// The connection is unusable: it was lost, timed out, or the server sent something that is
/// not SMTP. Transient: connect again later. Whether a message being sent arrived is unknown,
/// so the outbox sends it again (duplicates are safer than loss).
/// </summary>
public sealed class SmtpProtocolException : SmtpException
{
    public SmtpProtocolException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public override bool IsTransient => true;
}
