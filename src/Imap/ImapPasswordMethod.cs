namespace MailTicketing.Imap;

/// <summary>Ways to present a user name and password.</summary>
public enum ImapPasswordMethod
{
    /// <summary>AUTHENTICATE PLAIN (RFC 4616), in one round trip when SASL-IR is offered.</summary>
    SaslPlain,

    /// <summary>AUTHENTICATE LOGIN: the user name and the password each answer a challenge.</summary>
    SaslLogin,

    /// <summary>The LOGIN command (RFC 3501 §6.2.3), unless the server says LOGINDISABLED.</summary>
    LoginCommand,
}
