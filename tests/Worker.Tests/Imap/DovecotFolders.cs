using System.Diagnostics;
using System.Globalization;
using MailTicketing.Imap;
using MailTicketing.Imap.Tests.Support;
using MailTicketing.Smtp;

namespace MailTicketing.Worker.Tests.Imap;

/// <summary>
/// Folders of support@ on the shared test Dovecot, one per test (created fresh, deleted after),
/// filled by APPEND or by real delivery through Postfix, inspected with our IMAP client.
/// </summary>
internal sealed class DovecotFolders : IAsyncDisposable
{
    private readonly List<string> _created = [];

    public string NewName(string purpose)
    {
        var name = $"wt-{purpose}-{Guid.NewGuid():N}"[..28];
        _created.Add(name);
        return name;
    }

    /// <summary>Remembers a folder the worker creates (a Move target), so it is deleted after the test.</summary>
    public string Track(string name)
    {
        _created.Add(name);
        return name;
    }

    public static async Task<ImapClient> LoginAsync() => await MailServer.LoginAsync(MailServer.ImplicitTls());

    public async Task<string> CreateAsync(string purpose, params byte[][] messages)
    {
        var name = NewName(purpose);
        await using var client = await LoginAsync();
        await client.CreateMailboxAsync(name, CancellationToken.None);
        await AppendAsync(client, name, messages);
        return name;
    }

    public static async Task AppendAsync(string folder, params byte[][] messages)
    {
        await using var client = await LoginAsync();
        await AppendAsync(client, folder, messages);
    }

    public static async Task<ImapMailboxInfo> ExamineAsync(string folder)
    {
        await using var client = await LoginAsync();
        return await client.ExamineAsync(folder, CancellationToken.None);
    }

    public static async Task<IReadOnlyList<ImapMessageSummary>> SummariesAsync(string folder)
    {
        await using var client = await LoginAsync();
        await client.ExamineAsync(folder, CancellationToken.None);
        return await client.FetchSummariesAsync(ImapUidSet.From(ImapUid.MinValue), CancellationToken.None);
    }

    /// <summary>Sends the message through Postfix's inbound port (no auth) to support@, the way a customer's server would.</summary>
    public static async Task SendToSupportAsync(string sender, byte[] message)
    {
        var options = new SmtpClientOptions
        {
            Host = MailServer.Host,
            Port = int.Parse(Environment.GetEnvironmentVariable("MT_SMTP_MX_PORT") ?? throw new InvalidOperationException("MT_SMTP_MX_PORT is not set"), CultureInfo.InvariantCulture),
            Security = SmtpSecurity.None,
            CommandTimeout = TimeSpan.FromSeconds(20),
        };
        await using var smtp = await SmtpClient.ConnectAsync(options);
        await smtp.SendAsync(new SmtpEnvelope { Sender = sender, Recipients = [MailServer.Staff("support")], Body = SmtpBodyType.EightBitMime }, new MemoryStream(message));
        await smtp.QuitAsync();
    }

    /// <summary>Waits until the message with this Message-ID is in support@'s INBOX, then moves it into <paramref name="folder"/>.</summary>
    public static async Task MoveFromInboxAsync(string messageId, string folder, TimeSpan timeout)
    {
        await using var client = await LoginAsync();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await client.SelectAsync("INBOX", CancellationToken.None);
            var found = await client.SearchAsync(ImapSearchQuery.Header("Message-ID", messageId), CancellationToken.None);
            if (found.Count > 0)
            {
                await client.MoveAsync(ImapUidSet.Of(found), folder, CancellationToken.None);
                return;
            }

            Assert.True(clock.Elapsed < timeout, $"{messageId} did not arrive in INBOX within {timeout}");
            await Task.Delay(200);
        }
    }

    /// <summary>doveadm: gives the folder a new UIDVALIDITY, as a server rebuild or a restore would.</summary>
    public static async Task SetUidValidityAsync(string folder, uint uidValidity)
    {
        var config = Environment.GetEnvironmentVariable("MT_DOVECOT_CONFIG") ?? throw new InvalidOperationException("MT_DOVECOT_CONFIG is not set");
        var start = new ProcessStartInfo("doveadm") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])["-c", config, "mailbox", "update", "--uid-validity", uidValidity.ToString(CultureInfo.InvariantCulture), "-u", MailServer.Staff("support"), folder])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"doveadm mailbox update failed: {error}");
    }

    public async ValueTask DisposeAsync()
    {
        await using var client = await LoginAsync();
        foreach (var name in _created)
        {
            try
            {
                await client.DeleteMailboxAsync(name, CancellationToken.None);
            }
            catch (ImapCommandException)
            {
                // Never created (the test failed before), or already gone.
            }
        }
    }

    private static async Task AppendAsync(ImapClient client, string folder, byte[][] messages)
    {
        foreach (var message in messages)
        {
            await client.AppendAsync(folder, new MemoryStream(message), cancellationToken: CancellationToken.None);
        }
    }
}
