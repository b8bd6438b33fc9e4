namespace MailTicketing.Smtp;

/// <summary>
/// The server refused a command that the whole session depends on (greeting, EHLO, MAIL,
/// DATA, or any 421 "closing"). Transient or permanent as the reply says.
/// Per-recipient refusals are not thrown: they are in <see cref="SmtpSendResult"/>.
/// </summary>
public class SmtpCommandException : SmtpException
{
    public SmtpCommandException(string command, SmtpReply reply)
        : base($"{command}: {reply}")
    {
        Command = command;
        Reply = reply;
    }

    /// <summary>The command verb that was refused ("greeting" for the server's first reply).</summary>
    public string Command { get; }

    public SmtpReply Reply { get; }

    public override bool IsTransient => Reply.IsTransient;
}
