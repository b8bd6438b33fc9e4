using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailTicketing.Transport;

namespace MailTicketing.Smtp.Tests.Support;

/// <summary>
/// Where the real servers are (the variables of scripts/servers/servers.env) and how to find
/// what they delivered: Dovecot stores each mailbox as a Maildir under the servers folder.
/// </summary>
internal static class RealServers
{
    public static bool Available => Variable("MT_SMTP_PORT") is not null && Variable("MT_CA_FILE") is not null;

    public static string Host => Required("MT_MAIL_HOST");

    public static string Password => Required("MT_MAIL_PASSWORD");

    public static string CaFile => Required("MT_CA_FILE");

    public static string Staff(string user) => user + "@" + Required("MT_STAFF_DOMAIN");

    public static string Customer(string user) => user + "@" + Required("MT_CUSTOMER_DOMAIN");

    public static SmtpClientOptions Submission(string user, SmtpSecurity security = SmtpSecurity.StartTls, string? password = null, Action<string>? log = null) => new()
    {
        Host = Host,
        Port = Port(security == SmtpSecurity.ImplicitTls ? "MT_SMTPS_PORT" : "MT_SMTP_PORT"),
        Security = security,
        CaCertificateFile = CaFile,
        Credentials = MailCredentials.FromPassword(user, password ?? Password),
        ProtocolLog = log,
        CommandTimeout = TimeSpan.FromSeconds(20),
    };

    /// <summary>The inbound port: no AUTH, mail for the local domains only.</summary>
    public static SmtpClientOptions Mx() => new()
    {
        Host = Host,
        Port = Port("MT_SMTP_MX_PORT"),
        Security = SmtpSecurity.None,
        CommandTimeout = TimeSpan.FromSeconds(20),
    };

    /// <summary>SHA-256 of the servers' certificate, in hex, for pinning.</summary>
    public static string CertificateSha256()
    {
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(CaFile));
        return Convert.ToHexString(SHA256.HashData(certificate.RawData));
    }

    /// <summary>
    /// Waits for the message whose bytes contain <paramref name="token"/> to arrive in the
    /// address's Maildir (delivery goes through Postfix's queue and LMTP) and returns its bytes.
    /// </summary>
    public static async Task<byte[]> WaitForMessageAsync(string address, string token, TimeSpan? timeout = null)
    {
        var root = Variable("MT_MAILDIR_ROOT") ?? Path.Combine(Required("MT_SERVERS_DIR"), "mail");
        var at = address.LastIndexOf('@');
        var maildir = Path.Combine(root, address[(at + 1)..], address[..at], "Maildir");
        var needle = System.Text.Encoding.UTF8.GetBytes(token);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            foreach (var folder in new[] { "new", "cur" })
            {
                var path = Path.Combine(maildir, folder);
                if (!Directory.Exists(path))
                {
                    continue;
                }

                foreach (var file in Directory.EnumerateFiles(path))
                {
                    byte[] bytes;
                    try
                    {
                        bytes = await File.ReadAllBytesAsync(file);
                    }
                    catch (FileNotFoundException)
                    {
                        continue; // moved from new/ to cur/ by a reader meanwhile
                    }

                    if (bytes.AsSpan().IndexOf(needle) >= 0)
                    {
                        return bytes;
                    }
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no message containing {token} reached {maildir}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>A token no other test run uses, to find exactly this test's message.</summary>
    public static string NewToken() => "mt-" + Guid.NewGuid().ToString("N");

    private static int Port(string name) => int.Parse(Required(name), CultureInfo.InvariantCulture);

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    private static string Required(string name) =>
        Variable(name) ?? throw new InvalidOperationException($"{name} is not set: run scripts/servers/up.sh and source its servers.env");
}
