using MailTicketing.Imap;

namespace MailTicketing.Worker.Configuration;

/// <summary>
/// An IMAP account to read a mailbox from ("MailTicketing:Mailboxes:N:Imap"). Secrets are never
/// in configuration: <see cref="PasswordVariable"/> or <see cref="AccessTokenVariable"/> names
/// the environment variable that holds them.
/// </summary>
public sealed class ImapMailboxOptions
{
    public string Host { get; set; } = "";

    /// <summary>Defaults to 993 for implicit TLS, 143 otherwise.</summary>
    public int? Port { get; set; }

    public ImapSecurity Security { get; set; } = ImapSecurity.ImplicitTls;

    /// <summary>The login, usually the full address.</summary>
    public string User { get; set; } = "";

    /// <summary>The environment variable holding the password.</summary>
    public string? PasswordVariable { get; set; }

    /// <summary>The environment variable holding an OAuth access token (XOAUTH2: Microsoft 365, Gmail); read at every login.</summary>
    public string? AccessTokenVariable { get; set; }

    /// <summary>PEM file of the root certificate(s) to trust instead of the system's (self-signed servers).</summary>
    public string? CaFile { get; set; }

    /// <summary>SHA-256 hashes (hex) of server certificates or their public keys to accept without a chain.</summary>
    public List<string> PinnedCertificates { get; set; } = [];

    public string Folder { get; set; } = "INBOX";

    public ImapProcessedAction Processed { get; set; } = ImapProcessedAction.Flag;

    /// <summary>For <see cref="ImapProcessedAction.Flag"/>: \Seen or a keyword such as "Ticketed".</summary>
    public string ProcessedFlag { get; set; } = ImapFlags.Seen;

    /// <summary>For <see cref="ImapProcessedAction.Move"/>: the folder processed messages go to.</summary>
    public string? ProcessedFolder { get; set; }

    /// <summary>Wait for new mail with IDLE when the server offers it; otherwise (or when false) poll every PollInterval.</summary>
    public bool UseIdle { get; set; } = true;

    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public int EffectivePort => Port ?? (Security == ImapSecurity.ImplicitTls ? 993 : 143);
}
