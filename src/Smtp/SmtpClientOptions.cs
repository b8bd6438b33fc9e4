using MailTicketing.Transport;
namespace MailTicketing.Smtp;

/// <summary>
/// Where and how to connect. Certificate validation is always on: by default against the
/// system's trusted roots; <see cref="CaCertificateFile"/> replaces them with the given
/// roots and <see cref="PinnedCertificates"/> accepts exactly the listed certificates, both
/// meant for self-signed servers. The host name (or IP address) is checked in every case.
/// </summary>
public sealed class SmtpClientOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 587;

    public SmtpSecurity Security { get; init; } = SmtpSecurity.StartTls;

    /// <summary>Logs in after EHLO (and after STARTTLS) when set.</summary>
    public MailCredentials? Credentials { get; init; }

    /// <summary>
    /// Password mechanisms to use, in order of preference: the first the server offers is taken.
    /// (OAuth credentials always use XOAUTH2.)
    /// </summary>
    public IReadOnlyList<string> PasswordMechanisms { get; init; } = ["PLAIN", "LOGIN"];

    /// <summary>The EHLO name; by default the address literal of the local end ("[127.0.0.1]", RFC 5321 §4.1.3).</summary>
    public string? ClientName { get; init; }

    /// <summary>PEM file of the root certificate(s) to trust instead of the system's.</summary>
    public string? CaCertificateFile { get; init; }

    /// <summary>
    /// SHA-256 hashes, in hex (colons and case ignored), of a server certificate or of its
    /// public key (SubjectPublicKeyInfo). A certificate matching one of them is trusted
    /// without a chain; its host name is still checked.
    /// </summary>
    public IReadOnlyList<string> PinnedCertificates { get; init; } = [];

    /// <summary>Sends AUTH over a connection without TLS. Off by default: it would expose the password.</summary>
    public bool AllowAuthenticationWithoutTls { get; init; }

    /// <summary>Connect plus TLS handshake.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Waiting for one reply; RFC 5321 §4.5.3.2 suggests minutes, which an outbox cannot afford.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Waiting for the reply after the final "." (RFC 5321 §4.5.3.2.6: 10 minutes).</summary>
    public TimeSpan DataTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Receives every protocol line, "C: " for the client and "S: " for the server. AUTH
    /// arguments and the message body are never passed: they show as "********" and a byte count.
    /// </summary>
    public Action<string>? ProtocolLog { get; init; }
}
