using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MailTicketing.Mime;
using MailTicketing.Mime.Writing;
using MailTicketing.Smtp.Tests.Support;

namespace MailTicketing.Smtp.Tests;

/// <summary>
/// Against the private Postfix (submission, smtps, MX) that delivers into Dovecot; messages
/// are read back from the recipient's Maildir.
/// </summary>
public class RealPostfixTests
{
    private static MemoryStream Plain(string from, string to, string token, string body = "Hello.\r\n") => new(Encoding.ASCII.GetBytes(
        $"From: <{from}>\r\nTo: <{to}>\r\nSubject: {token}\r\nMessage-ID: <{token}@customer.example>\r\n"
        + $"Date: Sat, 21 Nov 2026 08:00:00 +0000\r\n\r\n{body}"));

    private static SmtpEnvelope Envelope(string from, params string[] to) => new() { Sender = from, Recipients = to };

    [RealServerFact]
    public async Task Mail_submitted_with_starttls_and_auth_plain_reaches_the_support_mailbox()
    {
        var alice = RealServers.Customer("alice");
        var support = RealServers.Staff("support");
        var token = RealServers.NewToken();
        var log = new List<string>();
        await using var client = await SmtpClient.ConnectAsync(RealServers.Submission(alice, log: log.Add));

        var result = await client.SendAsync(Envelope(alice, support), Plain(alice, support, token));
        await client.QuitAsync();

        Assert.True(client.IsEncrypted);
        Assert.True(result.AllAccepted, string.Join("; ", result.Recipients));
        // Dovecot stores Maildir files with LF line ends.
        var delivered = Encoding.UTF8.GetString(await RealServers.WaitForMessageAsync(support, token)).ReplaceLineEndings("\r\n");
        Assert.Contains($"Subject: {token}\r\n", delivered, StringComparison.Ordinal);
        Assert.Contains("Hello.", delivered, StringComparison.Ordinal);
        Assert.Contains("C: AUTH PLAIN ********", log);
        Assert.DoesNotContain(log, l => l.Contains(RealServers.Password, StringComparison.Ordinal));
    }

    [RealServerFact]
    public async Task Auth_login_works_on_submission()
    {
        var bob = RealServers.Customer("bob");
        var options = RealServers.Submission(bob);
        await using var client = await SmtpClient.ConnectAsync(new SmtpClientOptions
        {
            Host = options.Host,
            Port = options.Port,
            CaCertificateFile = options.CaCertificateFile,
            Credentials = options.Credentials,
            PasswordMechanisms = ["LOGIN"],
        });

        Assert.True(client.IsAuthenticated);
        Assert.Equal(250, (await client.NoopAsync()).Code);
        await client.QuitAsync();
    }

    [RealServerFact]
    public async Task Implicit_tls_submission_delivers_to_several_mailboxes()
    {
        var carol = RealServers.Customer("carol");
        var security = RealServers.Staff("security");
        var compliance = RealServers.Staff("compliance");
        var token = RealServers.NewToken();
        await using var client = await SmtpClient.ConnectAsync(RealServers.Submission(carol, SmtpSecurity.ImplicitTls));

        var result = await client.SendAsync(Envelope(carol, security, compliance), Plain(carol, security, token));

        Assert.True(client.IsEncrypted);
        Assert.True(result.AllAccepted, string.Join("; ", result.Recipients));
        await RealServers.WaitForMessageAsync(security, token);
        await RealServers.WaitForMessageAsync(compliance, token);
    }

    [RealServerFact]
    public async Task Wrong_password_is_refused_with_a_permanent_535()
    {
        var e = await Assert.ThrowsAsync<SmtpAuthenticationException>(() =>
            SmtpClient.ConnectAsync(RealServers.Submission(RealServers.Customer("alice"), password: "not-the-password")));

        Assert.Equal(535, e.Reply.Code);
        Assert.False(e.IsTransient);
    }

    [RealServerFact]
    public async Task Certificate_from_another_ca_is_rejected()
    {
        var otherCa = Path.Combine(Path.GetTempPath(), $"mt-other-ca-{Guid.NewGuid():N}.pem");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var other = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            await File.WriteAllTextAsync(otherCa, other.ExportCertificatePem());
        }

        try
        {
            var options = RealServers.Submission(RealServers.Customer("alice"));
            var e = await Assert.ThrowsAsync<SmtpSecurityException>(() => SmtpClient.ConnectAsync(new SmtpClientOptions
            {
                Host = options.Host,
                Port = options.Port,
                CaCertificateFile = otherCa,
                Credentials = options.Credentials,
            }));

            Assert.Contains("CA file", e.Message, StringComparison.Ordinal);
            Assert.False(e.IsTransient);
        }
        finally
        {
            File.Delete(otherCa);
        }
    }

    [RealServerFact]
    public async Task Self_signed_certificate_is_rejected_by_the_system_roots_when_nothing_is_configured()
    {
        var options = RealServers.Submission(RealServers.Customer("alice"), SmtpSecurity.ImplicitTls);

        await Assert.ThrowsAsync<SmtpSecurityException>(() => SmtpClient.ConnectAsync(new SmtpClientOptions
        {
            Host = options.Host,
            Port = options.Port,
            Security = SmtpSecurity.ImplicitTls,
        }));
    }

    [RealServerFact]
    public async Task Pinned_certificate_hash_is_trusted_and_a_different_pin_is_not()
    {
        var options = RealServers.Submission(RealServers.Customer("alice"), SmtpSecurity.ImplicitTls);
        SmtpClientOptions Pinned(string pin) => new()
        {
            Host = options.Host,
            Port = options.Port,
            Security = SmtpSecurity.ImplicitTls,
            PinnedCertificates = [pin],
            Credentials = options.Credentials,
        };

        await using (var client = await SmtpClient.ConnectAsync(Pinned(RealServers.CertificateSha256())))
        {
            Assert.True(client.IsAuthenticated);
            await client.QuitAsync();
        }

        await Assert.ThrowsAsync<SmtpSecurityException>(() => SmtpClient.ConnectAsync(Pinned(new string('a', 64))));
    }

    [RealServerFact]
    public async Task Chinese_subject_written_by_our_mime_writer_arrives_intact_in_alices_mailbox()
    {
        var support = RealServers.Staff("support");
        var alice = RealServers.Customer("alice");
        var token = RealServers.NewToken();
        var message = new OutgoingMessage
        {
            From = new MailboxAddress("客服中心 Support", support),
            Subject = "[SUP-000123] 您的工单已收到：提现未到账 " + token,
            TextBody = "您好，我们已收到您的邮件。\r\n.这一行以句点开头\r\n",
        };
        message.To.Add(new MailboxAddress("Alice 李", alice));
        var bytes = MessageWriter.ToBytes(message);
        await using var client = await SmtpClient.ConnectAsync(RealServers.Submission(support));

        var result = await client.SendAsync(Envelope(support, alice), new MemoryStream(bytes));

        Assert.True(result.AllAccepted, string.Join("; ", result.Recipients));
        // The token is ASCII inside an encoded word, so search for the Message-ID instead.
        var delivered = MimeMessage.Parse(await RealServers.WaitForMessageAsync(alice, message.MessageId!));
        Assert.Equal(message.Subject, delivered.Subject);
        Assert.Equal("您好，我们已收到您的邮件。\r\n.这一行以句点开头\r\n", delivered.TextBody?.ReplaceLineEndings("\r\n"));
    }

    [RealServerFact]
    public async Task Lines_starting_with_dots_survive_the_round_trip_byte_for_byte()
    {
        var alice = RealServers.Customer("alice");
        var support = RealServers.Staff("support");
        var token = RealServers.NewToken();
        const string body = ".\r\n..\r\n.hidden line\r\n...three\r\n. space\r\nlast.\r\n";
        await using var client = await SmtpClient.ConnectAsync(RealServers.Submission(alice));

        var result = await client.SendAsync(Envelope(alice, support), Plain(alice, support, token, body));

        Assert.True(result.AllAccepted);
        // Dovecot stores Maildir files with LF line ends.
        var delivered = Encoding.ASCII.GetString(await RealServers.WaitForMessageAsync(support, token)).ReplaceLineEndings("\r\n");
        var deliveredBody = delivered[(delivered.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        Assert.Equal(body, deliveredBody);
    }

    [RealServerFact]
    public async Task Mx_port_takes_mail_for_known_users_and_refuses_unknown_ones_and_relaying()
    {
        var bob = RealServers.Customer("bob");
        var nobody = "nobody@" + RealServers.Customer("x").Split('@')[1];
        const string outside = "someone@elsewhere.example";
        var token = RealServers.NewToken();
        await using var client = await SmtpClient.ConnectAsync(RealServers.Mx());

        var result = await client.SendAsync(Envelope("sender@elsewhere.example", nobody, bob, outside), Plain("sender@elsewhere.example", bob, token));

        Assert.False(client.IsAuthenticated);
        Assert.Equal(SmtpRecipientStatus.Accepted, result[bob].Status);
        Assert.Equal(SmtpRecipientStatus.PermanentFailure, result[nobody].Status);
        Assert.Equal("5.1.1", result[nobody].Reply.EnhancedStatus);
        Assert.Equal(SmtpRecipientStatus.PermanentFailure, result[outside].Status);
        Assert.Contains("Relay access denied", result[outside].Reply.Text, StringComparison.Ordinal);
        await RealServers.WaitForMessageAsync(bob, token);
    }
}
