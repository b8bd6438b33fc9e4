using System.Globalization;
using MailTicketing.Transport;

namespace MailTicketing.Imap.Tests.Support;

/// <summary>
/// The real Dovecot the test command starts (scripts/servers/up.sh writes these variables).
/// Logins are full addresses when MT_STAFF_DOMAIN is set, plain names otherwise.
/// </summary>
internal static class MailServer
{
    public static string Host => Required("MT_MAIL_HOST");

    public static int ImapPort => int.Parse(Required("MT_IMAP_PORT"), CultureInfo.InvariantCulture);

    public static int ImapsPort => int.Parse(Required("MT_IMAPS_PORT"), CultureInfo.InvariantCulture);

    public static string CaFile => Required("MT_CA_FILE");

    public static string Password => Required("MT_MAIL_PASSWORD");

    public static string? SkipReason => TestEnvironment.SkipUnless(
        new[] { "MT_MAIL_HOST", "MT_IMAP_PORT", "MT_IMAPS_PORT", "MT_CA_FILE", "MT_MAIL_PASSWORD" }.All(v => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v))),
        "needs the test Dovecot: MT_MAIL_HOST, MT_IMAP_PORT, MT_IMAPS_PORT, MT_CA_FILE and MT_MAIL_PASSWORD are not set (scripts/test starts it)");

    /// <summary>The login of a staff mailbox: "support" becomes support@MT_STAFF_DOMAIN when that is set.</summary>
    public static string Staff(string localPart) =>
        Environment.GetEnvironmentVariable("MT_STAFF_DOMAIN") is { Length: > 0 } domain ? $"{localPart}@{domain}" : localPart;

    public static MailCredentials Support => MailCredentials.FromPassword(Staff("support"), Password);

    public static ImapClientOptions StartTls(Action<string>? log = null) => new()
    {
        Host = Host,
        Port = ImapPort,
        Security = ImapSecurity.StartTls,
        CaCertificateFile = CaFile,
        CommandTimeout = TimeSpan.FromSeconds(30),
        ProtocolLog = log,
    };

    public static ImapClientOptions ImplicitTls(Action<string>? log = null) => new()
    {
        Host = Host,
        Port = ImapsPort,
        Security = ImapSecurity.ImplicitTls,
        CaCertificateFile = CaFile,
        CommandTimeout = TimeSpan.FromSeconds(30),
        ProtocolLog = log,
    };

    public static async Task<ImapClient> LoginAsync(ImapClientOptions options)
    {
        var client = await ImapClient.ConnectAsync(options, CancellationToken.None);
        try
        {
            await client.AuthenticateAsync(Support, CancellationToken.None);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set");
}
