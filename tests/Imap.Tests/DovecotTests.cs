using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailTicketing.Imap.Tests.Support;

namespace MailTicketing.Imap.Tests;

/// <summary>
/// Against the real Dovecot of the test command. Each test works in folders of its own
/// (created and deleted here), so INBOX, which other suites deliver to, is never touched.
/// </summary>
public sealed class DovecotTests
{
    private static CancellationToken Token => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [DovecotFact]
    public async Task Starttls_login_with_the_ca_file_is_encrypted_and_selects_inbox()
    {
        var log = new List<string>();
        await using var client = await MailServer.LoginAsync(MailServer.StartTls(log.Add));
        Assert.True(client.IsEncrypted);
        Assert.Equal(ImapClientState.Authenticated, client.State);
        var inbox = await client.ExamineAsync("INBOX", Token);
        Assert.NotEqual(0u, inbox.UidValidity.Value);
        Assert.True(inbox.IsReadOnly);
        Assert.Contains(log, l => l.StartsWith("C: ", StringComparison.Ordinal) && l.EndsWith("STARTTLS", StringComparison.Ordinal));
        Assert.DoesNotContain(log, l => l.Contains(MailServer.Password, StringComparison.Ordinal));
    }

    [DovecotTheory]
    [InlineData(ImapPasswordMethod.SaslPlain)]
    [InlineData(ImapPasswordMethod.SaslLogin)]
    [InlineData(ImapPasswordMethod.LoginCommand)]
    public async Task Implicit_tls_login_works_with_each_password_method(ImapPasswordMethod method)
    {
        var log = new List<string>();
        var options = MailServer.ImplicitTls(log.Add);
        await using var client = await ImapClient.ConnectAsync(new ImapClientOptions
        {
            Host = options.Host,
            Port = options.Port,
            CaCertificateFile = options.CaCertificateFile,
            PasswordMethods = [method],
            ProtocolLog = log.Add,
        }, Token);
        await client.AuthenticateAsync(MailServer.Support, Token);
        Assert.Equal(ImapClientState.Authenticated, client.State);
        Assert.Contains("IDLE", client.Capabilities.Names, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(log, l => l.Contains(MailServer.Password, StringComparison.Ordinal)
            || l.Contains(Convert.ToBase64String("password"u8), StringComparison.Ordinal));
    }

    [DovecotFact]
    public async Task A_certificate_that_does_not_chain_to_the_configured_ca_is_refused()
    {
        var otherCa = Path.Combine(Path.GetTempPath(), $"imap-other-ca-{Guid.NewGuid():N}.pem");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllTextAsync(otherCa, certificate.ExportCertificatePem(), Token);
        }

        try
        {
            foreach (var options in new[] { MailServer.ImplicitTls(), MailServer.StartTls() })
            {
                var refused = await Assert.ThrowsAsync<ImapSecurityException>(() => ImapClient.ConnectAsync(new ImapClientOptions
                {
                    Host = options.Host,
                    Port = options.Port,
                    Security = options.Security,
                    CaCertificateFile = otherCa,
                }, Token));
                Assert.Contains("does not chain", refused.Message, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(otherCa);
        }
    }

    [DovecotFact]
    public async Task Credentials_are_not_sent_in_clear_text_unless_allowed()
    {
        var plain = new ImapClientOptions { Host = MailServer.Host, Port = MailServer.ImapPort, Security = ImapSecurity.None };
        await using (var client = await ImapClient.ConnectAsync(plain, Token))
        {
            await Assert.ThrowsAsync<ImapSecurityException>(() => client.AuthenticateAsync(MailServer.Support, Token));
            Assert.False(client.IsEncrypted);
        }

        await using var allowed = await MailServer.LoginAsync(new ImapClientOptions
        {
            Host = MailServer.Host,
            Port = MailServer.ImapPort,
            Security = ImapSecurity.None,
            AllowAuthenticationWithoutTls = true,
        });
        Assert.Equal(ImapClientState.Authenticated, allowed.State);
    }

    [DovecotFact]
    public async Task Appended_messages_come_back_byte_for_byte_with_uid_size_flags_and_date()
    {
        await using var client = await MailServer.LoginAsync(MailServer.ImplicitTls());
        var folder = await NewFolderAsync(client);
        try
        {
            var messages = new[] { TestMessages.Simple("plain ascii"), TestMessages.Chinese(), TestMessages.Large(6) };
            var received = new DateTimeOffset(2024, 3, 5, 6, 7, 8, TimeSpan.FromHours(8));
            var uids = new List<ImapUid>();
            foreach (var message in messages)
            {
                uids.Add(Assert.NotNull(await client.AppendAsync(folder, new MemoryStream(message), [ImapFlags.Flagged], received, Token)));
            }

            var selected = await client.SelectAsync(folder, Token);
            Assert.Equal(3u, selected.Exists);
            Assert.Equal(uids[2].Value + 1, selected.UidNext?.Value);

            var fetched = new Dictionary<ImapUid, (ImapMessageSummary Summary, byte[] Bytes)>();
            var count = await client.FetchMessagesAsync(ImapUidSet.From(uids[0]), async (summary, body, ct) =>
            {
                var copy = new MemoryStream();
                await body.CopyToAsync(copy, ct);
                fetched[summary.Uid] = (summary, copy.ToArray());
            }, Token);

            Assert.Equal(3, count);
            for (var i = 0; i < messages.Length; i++)
            {
                var (summary, bytes) = fetched[uids[i]];
                Assert.Equal(messages[i], bytes);
                Assert.Equal(messages[i].Length, summary.Size);
                Assert.True(summary.HasFlag(ImapFlags.Flagged));
                Assert.False(summary.HasFlag(ImapFlags.Seen));
                Assert.Equal(received, summary.InternalDate);
            }
        }
        finally
        {
            await client.DeleteMailboxAsync(folder, Token);
        }
    }

    [DovecotFact]
    public async Task Uid_search_from_the_next_uid_finds_nothing_although_the_server_answers_the_last_message()
    {
        await using var client = await MailServer.LoginAsync(MailServer.StartTls());
        var folder = await NewFolderAsync(client);
        try
        {
            var first = Assert.NotNull(await client.AppendAsync(folder, new MemoryStream(TestMessages.Simple("one")), cancellationToken: Token));
            await client.AppendAsync(folder, new MemoryStream(TestMessages.Simple("two")), cancellationToken: Token);
            var selected = await client.SelectAsync(folder, Token);

            Assert.Equal(2, (await client.SearchAsync(ImapSearchQuery.UidFrom(first), Token)).Count);
            Assert.Empty(await client.SearchAsync(ImapSearchQuery.UidFrom(selected.UidNext!.Value), Token));
            Assert.Empty(await client.FetchSummariesAsync(ImapUidSet.From(selected.UidNext!.Value), Token));
            Assert.Equal(2, (await client.SearchAsync(ImapSearchQuery.All, Token)).Count);
            Assert.Single(await client.SearchAsync(ImapSearchQuery.Subject("two"), Token));
        }
        finally
        {
            await client.DeleteMailboxAsync(folder, Token);
        }
    }

    [DovecotFact]
    public async Task Stored_flags_show_in_fetch_and_search()
    {
        await using var client = await MailServer.LoginAsync(MailServer.ImplicitTls());
        var folder = await NewFolderAsync(client);
        try
        {
            var uid = Assert.NotNull(await client.AppendAsync(folder, new MemoryStream(TestMessages.Chinese()), cancellationToken: Token));
            await client.SelectAsync(folder, Token);
            Assert.Equal([uid], await client.SearchAsync(ImapSearchQuery.Unseen, Token));
            Assert.Equal([uid], await client.SearchAsync(ImapSearchQuery.Subject("提币"), Token));

            await client.StoreFlagsAsync(ImapUidSet.Of(uid), ImapStoreMode.Add, [ImapFlags.Seen, "$Ticketed"], Token);
            var summary = Assert.Single(await client.FetchSummariesAsync(ImapUidSet.Of(uid), Token));
            Assert.True(summary.HasFlag(ImapFlags.Seen));
            Assert.True(summary.HasFlag("$Ticketed"));
            Assert.Empty(await client.SearchAsync(ImapSearchQuery.Unseen, Token));

            await client.StoreFlagsAsync(ImapUidSet.Of(uid), ImapStoreMode.Remove, [ImapFlags.Seen], Token);
            Assert.Equal([uid], await client.SearchAsync(ImapSearchQuery.Unseen, Token));
        }
        finally
        {
            await client.DeleteMailboxAsync(folder, Token);
        }
    }

    [DovecotFact]
    public async Task Move_creates_a_missing_folder_with_a_chinese_name_and_leaves_the_source()
    {
        await using var client = await MailServer.LoginAsync(MailServer.ImplicitTls());
        var folder = await NewFolderAsync(client);
        var target = $"已处理 & done {Guid.NewGuid():N}";
        try
        {
            var uid = Assert.NotNull(await client.AppendAsync(folder, new MemoryStream(TestMessages.Simple("to move")), cancellationToken: Token));
            await client.AppendAsync(folder, new MemoryStream(TestMessages.Simple("to stay")), cancellationToken: Token);
            await client.SelectAsync(folder, Token);

            Assert.Equal(ImapMoveMethod.Move, await client.MoveAsync(ImapUidSet.Of(uid), target, Token));
            Assert.Equal(1u, client.Exists);
            Assert.DoesNotContain(uid, await client.SearchAsync(ImapSearchQuery.All, Token));

            var moved = await client.ExamineAsync(target, Token);
            Assert.Equal(1u, moved.Exists);
            var subject = "";
            await client.FetchMessagesAsync(ImapUidSet.From(ImapUid.MinValue), async (_, body, ct) =>
                subject = await new StreamReader(body).ReadToEndAsync(ct), Token);
            Assert.Contains("Subject: to move", subject, StringComparison.Ordinal);
        }
        finally
        {
            await client.DeleteMailboxAsync(folder, Token);
            await client.DeleteMailboxAsync(target, Token);
        }
    }

    [DovecotFact]
    public async Task Idle_wakes_up_when_another_connection_appends_a_message()
    {
        await using var watcher = await MailServer.LoginAsync(MailServer.ImplicitTls());
        var folder = await NewFolderAsync(watcher);
        try
        {
            var selected = await watcher.SelectAsync(folder, Token);
            var idle = watcher.IdleAsync(TimeSpan.FromSeconds(30), Token);
            await using (var writer = await MailServer.LoginAsync(MailServer.StartTls()))
            {
                await Task.Delay(300, Token);
                Assert.False(idle.IsCompleted);
                await writer.AppendAsync(folder, new MemoryStream(TestMessages.Simple("wake up")), cancellationToken: Token);
            }

            var result = await idle.WaitAsync(TimeSpan.FromSeconds(10), Token);
            Assert.True(result.MailboxChanged);
            Assert.Equal(selected.Exists + 1, result.Exists);
            Assert.Single(await watcher.SearchAsync(ImapSearchQuery.All, Token));
        }
        finally
        {
            await watcher.DeleteMailboxAsync(folder, Token);
        }
    }

    private static async Task<string> NewFolderAsync(ImapClient client)
    {
        var name = $"imap-test-{Guid.NewGuid():N}";
        Assert.True(await client.CreateMailboxAsync(name, Token));
        return name;
    }
}
