namespace MailTicketing.Imap;

/// <summary>How the connection is protected.</summary>
public enum ImapSecurity
{
    /// <summary>TLS from the first byte (port 993, RFC 8314).</summary>
    ImplicitTls,

    /// <summary>Plain connect, then STARTTLS, which the server must offer (port 143, RFC 3501 §6.2.1).</summary>
    StartTls,

    /// <summary>No TLS: for loopback tests only; credentials are refused unless explicitly allowed.</summary>
    None,
}
