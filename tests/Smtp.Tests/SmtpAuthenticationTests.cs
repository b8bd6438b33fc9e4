using System.Text;
using MailTicketing.Smtp.Tests.Support;
using MailTicketing.Transport;

namespace MailTicketing.Smtp.Tests;

/// <summary>AUTH exchanges byte for byte against a scripted server, and that secrets stay out of the log.</summary>
public class SmtpAuthenticationTests
{
    private const string Secret = "s3cret-Pa55";

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task Auth_plain_sends_the_rfc4616_string_and_the_log_shows_no_secret()
    {
        var log = new List<string>();
        await using var server = FakeSmtpServer.Start(async s =>
        {
            await s.GreetAsync("AUTH LOGIN PLAIN");
            await s.ExpectAsync("AUTH PLAIN " + B64("\0desk@exchange.example\0" + Secret));
            await s.SendAsync("235 2.7.0 authenticated");
        });

        await using var client = await SmtpClient.ConnectAsync(server.Options(MailCredentials.FromPassword("desk@exchange.example", Secret), log.Add));

        Assert.True(client.IsAuthenticated);
        await server.FinishAsync();
        Assert.Contains("C: AUTH PLAIN ********", log);
        Assert.DoesNotContain(log, l => l.Contains(Secret, StringComparison.Ordinal) || l.Contains(B64("\0desk@exchange.example\0" + Secret), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Auth_login_answers_both_challenges_and_hides_them_in_the_log()
    {
        var log = new List<string>();
        await using var server = FakeSmtpServer.Start(async s =>
        {
            await s.GreetAsync("AUTH LOGIN");
            await s.ExpectAsync("AUTH LOGIN");
            await s.SendAsync("334 VXNlcm5hbWU6");
            Assert.Equal(B64("desk@exchange.example"), await s.ReadLineAsync());
            await s.SendAsync("334 UGFzc3dvcmQ6");
            Assert.Equal(B64(Secret), await s.ReadLineAsync());
            await s.SendAsync("235 ok");
        });

        await using var client = await SmtpClient.ConnectAsync(server.Options(MailCredentials.FromPassword("desk@exchange.example", Secret), log.Add));

        Assert.True(client.IsAuthenticated);
        await server.FinishAsync();
        Assert.Equal(2, log.Count(l => l == "C: ********"));
        Assert.DoesNotContain(log, l => l.Contains(B64(Secret), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_password_is_a_permanent_authentication_failure()
    {
        await using var server = FakeSmtpServer.Start(async s =>
        {
            await s.GreetAsync("AUTH PLAIN");
            await s.ExpectAsync("AUTH PLAIN ");
            await s.SendAsync("535 5.7.8 authentication failed");
        });

        var e = await Assert.ThrowsAsync<SmtpAuthenticationException>(() =>
            SmtpClient.ConnectAsync(server.Options(MailCredentials.FromPassword("desk@exchange.example", "wrong"))));

        Assert.Equal("PLAIN", e.Mechanism);
        Assert.False(e.IsTransient);
        Assert.DoesNotContain("wrong", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xoauth2_retries_once_with_a_refreshed_token_after_the_server_refuses_the_first()
    {
        var tokens = new FakeTokenProvider("expired-token", "fresh-token");
        var log = new List<string>();
        await using var server = FakeSmtpServer.Start(async s =>
        {
            await s.GreetAsync("AUTH XOAUTH2");
            await s.ExpectAsync("AUTH XOAUTH2 " + B64("user=desk@exchange.example\u0001auth=Bearer expired-token\u0001\u0001"));
            await s.SendAsync("334 " + B64("{\"status\":\"401\",\"schemes\":\"Bearer\"}"));
            Assert.Equal("", await s.ReadLineAsync());
            await s.SendAsync("535 5.7.8 token expired");
            await s.ExpectAsync("AUTH XOAUTH2 " + B64("user=desk@exchange.example\u0001auth=Bearer fresh-token\u0001\u0001"));
            await s.SendAsync("235 2.7.0 accepted");
        });

        await using var client = await SmtpClient.ConnectAsync(server.Options(MailCredentials.FromAccessToken("desk@exchange.example", tokens), log.Add));

        Assert.True(client.IsAuthenticated);
        Assert.Equal([false, true], tokens.ForceRefreshRequests);
        await server.FinishAsync();
        Assert.DoesNotContain(log, l => l.Contains("token", StringComparison.Ordinal) && l.StartsWith("C:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Credentials_over_a_connection_without_tls_are_refused_unless_explicitly_allowed()
    {
        var options = new SmtpClientOptions
        {
            Host = "127.0.0.1",
            Port = 1,
            Security = SmtpSecurity.None,
            Credentials = MailCredentials.FromPassword("desk@exchange.example", Secret),
        };

        var e = await Assert.ThrowsAsync<SmtpSecurityException>(() => SmtpClient.ConnectAsync(options));

        Assert.Contains("without TLS", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_mechanism_in_common_is_a_security_error_naming_what_was_offered()
    {
        await using var server = FakeSmtpServer.Start(s => s.GreetAsync("AUTH CRAM-MD5"));

        var e = await Assert.ThrowsAsync<SmtpSecurityException>(() =>
            SmtpClient.ConnectAsync(server.Options(MailCredentials.FromPassword("desk@exchange.example", Secret))));

        Assert.Contains("CRAM-MD5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_do_not_print_their_secret()
    {
        Assert.DoesNotContain(Secret, MailCredentials.FromPassword("desk@exchange.example", Secret).ToString(), StringComparison.Ordinal);
    }

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
