namespace MailTicketing.Imap;

/// <summary>
/// Where and how to connect. Certificate validation is always on: against the system's roots
/// by default; <see cref="CaCertificateFile"/> replaces them with the given roots and
/// <see cref="PinnedCertificates"/> accepts exactly the listed certificates (both for
/// self-signed servers). The host name or IP address is checked in every case.
/// </summary>
public sealed class ImapClientOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 993;

    public ImapSecurity Security { get; init; } = ImapSecurity.ImplicitTls;

    /// <summary>PEM file of the root certificate(s) to trust instead of the system's.</summary>
    public string? CaCertificateFile { get; init; }

    /// <summary>
    /// SHA-256 hashes, in hex (colons and case ignored), of a server certificate or of its
    /// public key (SubjectPublicKeyInfo). A matching certificate is trusted without a chain.
    /// </summary>
    public IReadOnlyList<string> PinnedCertificates { get; init; } = [];

    /// <summary>Sends credentials over a connection without TLS. Off by default: it exposes the password.</summary>
    public bool AllowAuthenticationWithoutTls { get; init; }

    /// <summary>Password mechanisms in order of preference; the first the server allows is used.</summary>
    public IReadOnlyList<ImapPasswordMethod> PasswordMethods { get; init; } =
        [ImapPasswordMethod.SaslPlain, ImapPasswordMethod.SaslLogin, ImapPasswordMethod.LoginCommand];

    /// <summary>TCP connect, TLS handshake, greeting and STARTTLS together.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest the server may stay silent while the client waits for it (inactivity, not
    /// total time: a 50 MB fetch may take longer as long as bytes keep coming).
    /// </summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// IDLE is ended with DONE and started again this often, below the 30 minutes after which
    /// RFC 2177 lets a server drop an idle client (and below NAT timeouts).
    /// </summary>
    public TimeSpan IdleRenewInterval { get; init; } = TimeSpan.FromMinutes(25);

    /// <summary>The largest literal (message body) accepted from the server; a larger one ends the connection.</summary>
    public long MaxLiteralSize { get; init; } = 1L << 30;

    /// <summary>
    /// Receives every protocol line, "C: " for the client and "S: " for the server. Passwords,
    /// tokens and SASL exchanges show as "********", literal contents only as their length.
    /// </summary>
    public Action<string>? ProtocolLog { get; init; }
}
