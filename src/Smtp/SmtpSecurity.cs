namespace MailTicketing.Smtp;

/// <summary>How the connection is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>TLS from the first byte (port 465, RFC 8314).</summary>
    ImplicitTls,

    /// <summary>Plain connect, then STARTTLS, which the server must offer (port 587, RFC 3207).</summary>
    StartTls,

    /// <summary>No TLS at all: only for loopback or a trusted network; AUTH is refused unless allowed.</summary>
    None,
}
