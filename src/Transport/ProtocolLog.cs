namespace MailTicketing.Transport;

/// <summary>Conventions of the protocol logs both clients write.</summary>
public static class ProtocolLog
{
    /// <summary>Shown in place of a password, a token or a SASL exchange.</summary>
    public const string Mask = "********";
}
