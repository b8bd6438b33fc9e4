using System.Security.Cryptography.X509Certificates;
using MailTicketing.Imap.Tests.Support;
using MailTicketing.Transport.Tests.Support;

namespace MailTicketing.Imap.Tests.Client;

public sealed class TlsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_pinned_certificate_is_trusted_without_a_chain()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var server = ImplicitTlsServer(certificate);
        await using var client = await ImapClient.ConnectAsync(Implicit(server, pins: [TestCertificates.CertificatePin(certificate)]), None);
        Assert.True(client.IsEncrypted);
        Assert.True(client.Capabilities.Idle);
    }

    [Fact]
    public async Task A_self_signed_certificate_is_refused_by_default()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var server = ImplicitTlsServer(certificate);
        var error = await Assert.ThrowsAsync<ImapSecurityException>(() => ImapClient.ConnectAsync(Implicit(server), None));
        Assert.Contains("not trusted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pinned_certificate_for_another_host_name_is_still_refused()
    {
        using var certificate = TestCertificates.SelfSigned("mail.other.example");
        await using var server = ImplicitTlsServer(certificate);
        var error = await Assert.ThrowsAsync<ImapSecurityException>(() => ImapClient.ConnectAsync(Implicit(server, pins: [TestCertificates.CertificatePin(certificate)]), None));
        Assert.Contains("not issued for this host name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task A_pin_that_is_not_a_sha256_hash_is_a_configuration_error() =>
        Assert.ThrowsAsync<ArgumentException>(() => ImapClient.ConnectAsync(new ImapClientOptions { Host = "127.0.0.1", Port = 1, PinnedCertificates = ["abc"] }, None));

    [Fact]
    public async Task A_missing_ca_file_is_a_security_error_naming_the_file()
    {
        var options = new ImapClientOptions { Host = "127.0.0.1", Port = 1, CaCertificateFile = "/nonexistent/imap-ca.pem" };
        var error = await Assert.ThrowsAsync<ImapSecurityException>(() => ImapClient.ConnectAsync(options, None));
        Assert.Contains("/nonexistent/imap-ca.pem", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starttls_upgrades_and_forgets_the_capabilities_learned_before()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.SendAsync("* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] hi\r\n");
            var tag = await s.ExpectAsync("STARTTLS");
            await s.SendAsync($"{tag} OK Begin TLS negotiation now\r\n");
            await s.UpgradeToTlsAsync(certificate);
            tag = await s.ExpectAsync("CAPABILITY");
            await s.SendAsync($"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n{tag} OK\r\n");
            tag = await s.ExpectAsync("AUTHENTICATE PLAIN");
            await s.SendAsync("+ \r\n");
            await s.ReadLineAsync();
            await s.SendAsync($"{tag} OK [CAPABILITY IMAP4rev1 IDLE] in\r\n");
        });
        var options = new ImapClientOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            Security = ImapSecurity.StartTls,
            PinnedCertificates = [TestCertificates.CertificatePin(certificate)],
        };
        await using var client = await ImapClient.ConnectAsync(options, None);
        Assert.True(client.IsEncrypted);
        Assert.False(client.Capabilities.StartTls);
        await client.AuthenticateAsync(ClientFactory.User, None);
        await server.FinishAsync();
    }

    [Fact]
    public async Task Without_starttls_offered_the_client_does_not_continue_in_clear_text()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.SendAsync("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi\r\n");
            Assert.Null(await s.ReadLineAsync());
        });
        var options = new ImapClientOptions { Host = "127.0.0.1", Port = server.Port, Security = ImapSecurity.StartTls };
        var error = await Assert.ThrowsAsync<ImapSecurityException>(() => ImapClient.ConnectAsync(options, None));
        Assert.Contains("does not offer STARTTLS", error.Message, StringComparison.Ordinal);
        await server.FinishAsync();
    }

    [Fact]
    public async Task Data_injected_after_the_starttls_ok_is_refused()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.SendAsync("* OK [CAPABILITY IMAP4rev1 STARTTLS] hi\r\n");
            var tag = await s.ExpectAsync("STARTTLS");
            await s.SendAsync($"{tag} OK Begin TLS\r\n* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] injected\r\n");
            await s.ReadLineAsync();
        });
        var options = new ImapClientOptions { Host = "127.0.0.1", Port = server.Port, Security = ImapSecurity.StartTls };
        var error = await Assert.ThrowsAsync<ImapSecurityException>(() => ImapClient.ConnectAsync(options, None));
        Assert.Contains("after STARTTLS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_preauth_greeting_on_a_plain_connection_is_refused_when_starttls_is_required()
    {
        await using var server = FakeImapServer.Start(s => s.SendAsync("* PREAUTH [CAPABILITY IMAP4rev1 STARTTLS] welcome\r\n"));
        var options = new ImapClientOptions { Host = "127.0.0.1", Port = server.Port, Security = ImapSecurity.StartTls };
        await Assert.ThrowsAsync<ImapSecurityException>(() => ImapClient.ConnectAsync(options, None));
    }

    private static FakeImapServer ImplicitTlsServer(X509Certificate2 certificate) => FakeImapServer.Start(async s =>
    {
        try
        {
            await s.UpgradeToTlsAsync(certificate);
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
        {
            // The client refused the certificate: that is what some tests want.
            return;
        }

        await s.SendAsync("* OK [CAPABILITY IMAP4rev1 IDLE AUTH=PLAIN] hi over TLS\r\n");
        await s.ReadLineAsync();
    });

    private static ImapClientOptions Implicit(FakeImapServer server, IReadOnlyList<string>? pins = null, string? caFile = null) => new()
    {
        Host = "127.0.0.1",
        Port = server.Port,
        Security = ImapSecurity.ImplicitTls,
        PinnedCertificates = pins ?? [],
        CaCertificateFile = caFile,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };
}
