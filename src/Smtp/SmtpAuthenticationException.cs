namespace MailTicketing.Smtp;

/// <summary>
/// AUTH failed: wrong credentials or token (535, permanent until someone fixes them) or a
/// temporary server problem (454, transient). The message never contains the secret.
/// </summary>
public sealed class SmtpAuthenticationException : SmtpCommandException
{
    public SmtpAuthenticationException(string mechanism, SmtpReply reply)
        : base("AUTH " + mechanism, reply)
    {
        Mechanism = mechanism;
    }

    public string Mechanism { get; }
}
