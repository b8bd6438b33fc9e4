using System.Text;
using MailTicketing.Imap.Tests.Support;
using MailTicketing.Transport;

namespace MailTicketing.Imap.Tests.Client;

public sealed class AuthenticationTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Login_command_quotes_the_password_and_the_log_masks_it()
    {
        var log = new List<string>();
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.SendAsync("* OK [CAPABILITY IMAP4rev1] hi\r\n");
            var tag = await s.ExpectAsync("LOGIN user \"pa ss\\\"word\"");
            await s.SendAsync($"{tag} OK [CAPABILITY IMAP4rev1 IDLE] welcome\r\n");
        });
        await using var client = await ImapClient.ConnectAsync(server.Options(log.Add), None);
        await client.AuthenticateAsync(MailCredentials.FromPassword("user", "pa ss\"word"), None);
        await server.FinishAsync();

        Assert.Equal(ImapClientState.Authenticated, client.State);
        Assert.True(client.Capabilities.Idle);
        Assert.Contains("C: A0001 LOGIN user ********", log);
        Assert.DoesNotContain(log, l => l.Contains("pa ss", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sasl_plain_rides_on_the_command_line_when_sasl_ir_is_offered()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.SendAsync("* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] hi\r\n");
            var tag = await s.ExpectAsync("AUTHENTICATE PLAIN " + Base64("\0user\0secret"));
            await s.SendAsync($"{tag} OK [CAPABILITY IMAP4rev1 MOVE] welcome\r\n");
            tag = await s.ExpectAsync("NOOP");
            await s.SendAsync($"{tag} OK\r\n");
        });
        await using var client = await ImapClient.ConnectAsync(server.Options(passwordMethods: [ImapPasswordMethod.SaslPlain]), None);
        await client.AuthenticateAsync(ClientFactory.User, None);
        await client.NoopAsync(None);
        await server.FinishAsync();

        // The OK carried the new capabilities, so no CAPABILITY command came in between.
        Assert.True(client.Capabilities.Move);
    }

    [Fact]
    public async Task Sasl_plain_without_sasl_ir_answers_the_continuation_then_asks_for_capabilities()
    {
        var log = new List<string>();
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.SendAsync("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi\r\n");
            var tag = await s.ExpectAsync("AUTHENTICATE PLAIN");
            await s.SendAsync("+ \r\n");
            Assert.Equal(Base64("\0user\0secret"), await s.ReadLineAsync());
            await s.SendAsync($"{tag} OK welcome\r\n");
            tag = await s.ExpectAsync("CAPABILITY");
            await s.SendAsync($"* CAPABILITY IMAP4rev1 UIDPLUS\r\n{tag} OK\r\n");
        });
        await using var client = await ImapClient.ConnectAsync(server.Options(log.Add, passwordMethods: [ImapPasswordMethod.SaslPlain]), None);
        await client.AuthenticateAsync(ClientFactory.User, None);
        await server.FinishAsync();

        Assert.True(client.Capabilities.UidPlus);
        Assert.Contains("C: ********", log);
        Assert.DoesNotContain(log, l => l.Contains(Base64("\0user\0secret"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sasl_login_answers_the_user_name_then_the_password()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.SendAsync("* OK [CAPABILITY IMAP4rev1 AUTH=LOGIN] hi\r\n");
            var tag = await s.ExpectAsync("AUTHENTICATE LOGIN");
            await s.SendAsync("+ " + Base64("Username:") + "\r\n");
            Assert.Equal(Base64("user"), await s.ReadLineAsync());
            await s.SendAsync("+ " + Base64("Password:") + "\r\n");
            Assert.Equal(Base64("secret"), await s.ReadLineAsync());
            await s.SendAsync($"{tag} OK [CAPABILITY IMAP4rev1] welcome\r\n");
        });
        await using var client = await ImapClient.ConnectAsync(server.Options(passwordMethods: [ImapPasswordMethod.SaslPlain, ImapPasswordMethod.SaslLogin]), None);
        await client.AuthenticateAsync(ClientFactory.User, None);
        await server.FinishAsync();
        Assert.Equal(ImapClientState.Authenticated, client.State);
    }

    [Fact]
    public async Task Xoauth2_asks_the_provider_for_a_fresh_token_after_the_server_refuses_one()
    {
        var log = new List<string>();
        var provider = new FakeTokenProvider("stale-token", "fresh-token");
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.SendAsync("* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2] hi\r\n");
            var tag = await s.ExpectAsync("AUTHENTICATE XOAUTH2 " + Base64("user=ops@example.com\u0001auth=Bearer stale-token\u0001\u0001"));
            await s.SendAsync("+ " + Base64("{\"status\":\"401\",\"schemes\":\"bearer\"}") + "\r\n");
            Assert.Equal("", await s.ReadLineAsync());
            await s.SendAsync($"{tag} NO [AUTHENTICATIONFAILED] invalid token\r\n");
            tag = await s.ExpectAsync("AUTHENTICATE XOAUTH2 " + Base64("user=ops@example.com\u0001auth=Bearer fresh-token\u0001\u0001"));
            await s.SendAsync($"{tag} OK [CAPABILITY IMAP4rev1] welcome\r\n");
        });
        await using var client = await ImapClient.ConnectAsync(server.Options(log.Add), None);
        await client.AuthenticateAsync(MailCredentials.FromAccessToken("ops@example.com", provider), None);
        await server.FinishAsync();

        Assert.Equal([false, true], provider.ForceRefreshRequests);
        Assert.Equal(ImapClientState.Authenticated, client.State);
        Assert.Contains("C: A0001 AUTHENTICATE XOAUTH2 ********", log);
        Assert.DoesNotContain(log, l => l.Contains(Base64("user=ops@example.com\u0001auth=Bearer fresh-token\u0001\u0001"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refused_credentials_are_an_authentication_error_with_the_response_code()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.SendAsync("* OK [CAPABILITY IMAP4rev1] hi\r\n");
            var tag = await s.ExpectAsync("LOGIN user secret");
            await s.SendAsync($"{tag} NO [AUTHENTICATIONFAILED] Authentication failed.\r\n");
        });
        await using var client = await ImapClient.ConnectAsync(server.Options(), None);
        var error = await Assert.ThrowsAsync<ImapAuthenticationException>(() => client.AuthenticateAsync(ClientFactory.User, None));
        await server.FinishAsync();

        Assert.Equal("AUTHENTICATIONFAILED", error.ResponseCode);
        Assert.Equal(ImapClientState.NotAuthenticated, client.State);
    }

    [Fact]
    public async Task Credentials_are_refused_on_a_plain_connection_before_anything_is_sent()
    {
        FakeSession? session = null;
        await using var server = FakeImapServer.Start(async s =>
        {
            session = s;
            await s.SendAsync("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi\r\n");
            Assert.Null(await s.ReadLineAsync());
        });
        var options = new ImapClientOptions { Host = "127.0.0.1", Port = server.Port, Security = ImapSecurity.None };
        await using (var client = await ImapClient.ConnectAsync(options, None))
        {
            await Assert.ThrowsAsync<ImapSecurityException>(() => client.AuthenticateAsync(ClientFactory.User, None));
        }

        await server.FinishAsync();
        Assert.Empty(session!.Received);
    }

    [Fact]
    public async Task Login_disabled_and_no_common_mechanism_is_a_security_error_without_sending_the_password()
    {
        FakeSession? session = null;
        await using var server = FakeImapServer.Start(async s =>
        {
            session = s;
            await s.SendAsync("* OK [CAPABILITY IMAP4rev1 LOGINDISABLED AUTH=GSSAPI] hi\r\n");
            Assert.Null(await s.ReadLineAsync());
        });
        await using (var client = await ImapClient.ConnectAsync(server.Options(), None))
        {
            await Assert.ThrowsAsync<ImapSecurityException>(() => client.AuthenticateAsync(ClientFactory.User, None));
        }

        await server.FinishAsync();
        Assert.Empty(session!.Received);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private sealed class FakeTokenProvider(params string[] tokens) : IAccessTokenProvider
    {
        public List<bool> ForceRefreshRequests { get; } = [];

        public ValueTask<string> GetAccessTokenAsync(string userName, bool forceRefresh, CancellationToken cancellationToken)
        {
            ForceRefreshRequests.Add(forceRefresh);
            return ValueTask.FromResult(tokens[ForceRefreshRequests.Count - 1]);
        }
    }
}
