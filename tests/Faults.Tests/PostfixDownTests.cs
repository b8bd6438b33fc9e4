using System.Diagnostics;
using System.Globalization;
using MailTicketing.Faults.Tests.Support;
using MailTicketing.Imap;
using MailTicketing.Imap.Tests.Support;
using MailTicketing.Transport;
using Xunit.Abstractions;

namespace MailTicketing.Faults.Tests;

/// <summary>
/// Postfix unreachable (its submission port behind a gate the test closes: connection refused,
/// as for a stopped Postfix) while the worker makes tickets: the acknowledgements wait in the
/// outbox, retried with backoff, `status` shows them unsent and retrying; once Postfix is back
/// each is delivered, once, to the customer's real mailbox.
/// </summary>
public sealed class PostfixDownTests(ITestOutputHelper output)
{
    private static readonly string[] Customers = ["alice", "bob", "carol"];

    [FaultFact]
    public async Task With_postfix_down_the_acknowledgements_wait_in_the_outbox_and_are_delivered_once_when_it_is_back()
    {
        var run = "postfix-" + Guid.NewGuid().ToString("N")[..8];
        var mails = Customers.Select((c, i) => Mail(run, c, i)).ToArray();
        await using var folders = new Worker.Tests.Imap.DovecotFolders();
        var folder = await folders.CreateAsync("postfix", mails);
        await using var gate = new TcpGate(int.Parse(Environment.GetEnvironmentVariable("MT_SMTP_PORT")!, CultureInfo.InvariantCulture));
        using var setup = new WorkerSetup(folder, MailServer.ImapsPort);
        setup.UseSmtp(gate.Port);
        await using var worker = WorkerProcess.Start(setup, "run");

        // Down: tickets are made, the acknowledgements are queued and retried, none leaves.
        await DovecotRestartTests.EventuallyAsync(worker, "three tickets and a failed delivery attempt", TimeSpan.FromSeconds(60), () =>
            setup.Count("SELECT COUNT(*) FROM tickets") == 3 && setup.Count("SELECT COUNT(*) FROM outbox WHERE last_error IS NOT NULL") > 0);
        await Task.Delay(TimeSpan.FromSeconds(8));
        var (_, down) = await setup.StatusAsync();
        output.WriteLine($"status while Postfix is down: outbox {down["outbox"]!.ToJsonString()}, job {WorkerSetup.Job(down, "Outbox").ToJsonString()}");
        Assert.Equal(3, (long)down["outbox"]!["pending"]!);
        Assert.True((long)down["outbox"]!["retrying"]! >= 1);
        Assert.Equal(0, setup.Count("SELECT COUNT(*) FROM outbox WHERE state = 'Sent'"));
        var attemptsWhileDown = setup.Count("SELECT SUM(attempts) FROM outbox");
        var lastError = setup.Scalar<string>("SELECT last_error FROM outbox WHERE last_error IS NOT NULL LIMIT 1");
        Assert.Contains("connecting", lastError, StringComparison.Ordinal);
        Assert.Equal(0, gate.Relayed);

        gate.Open();
        var back = Stopwatch.StartNew();
        await DovecotRestartTests.EventuallyAsync(worker, "every acknowledgement sent", TimeSpan.FromSeconds(60), () =>
            setup.Count("SELECT COUNT(*) FROM outbox WHERE state = 'Sent'") == 3);
        var delivered = back.Elapsed;
        var (_, after) = await setup.StatusAsync();
        await worker.StopAsync();

        Assert.Equal(0, (long)after["outbox"]!["pending"]!);
        var received = new List<int>();
        for (var i = 0; i < Customers.Length; i++)
        {
            received.Add(await AcknowledgementsInMailboxAsync(Customers[i], FaultMail.MessageId(run, i)));
        }

        Assert.All(received, count => Assert.Equal(1, count));
        FaultReport.Figures(output, string.Create(CultureInfo.InvariantCulture,
            $"postfix-down: 3 acknowledgements held {attemptsWhileDown} failed attempts while down (\"{lastError}\"), all delivered {delivered.TotalSeconds:F1} s after Postfix was back, duplicates {received.Sum() - 3}"));
    }

    private static byte[] Mail(string run, string customer, int i) => System.Text.Encoding.UTF8.GetBytes(
        $"From: {customer} <{customer}@customer.example>\r\n" +
        "To: support@exchange.example\r\n" +
        $"Subject: {run} deposit {i} missing\r\n" +
        $"Date: {DateTimeOffset.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)}\r\n" +
        $"Message-ID: <{FaultMail.MessageId(run, i)}>\r\n" +
        "\r\n" +
        $"My deposit {i} has not arrived, order DP{i:D8}.\r\n");

    /// <summary>Waits up to 30 s for the acknowledgement answering <paramref name="messageId"/> in the customer's INBOX; returns how many there are.</summary>
    private static async Task<int> AcknowledgementsInMailboxAsync(string customer, string messageId)
    {
        await using var client = await ImapClient.ConnectAsync(MailServer.ImplicitTls(), CancellationToken.None);
        await client.AuthenticateAsync(MailCredentials.FromPassword($"{customer}@customer.example", MailServer.Password), CancellationToken.None);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await client.SelectAsync("INBOX", CancellationToken.None);
            var found = await client.SearchAsync(ImapSearchQuery.Header("In-Reply-To", messageId), CancellationToken.None);
            if (found.Count > 0 || clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                // A second copy would arrive with the first (the outbox sends each row once).
                await Task.Delay(1000);
                await client.SelectAsync("INBOX", CancellationToken.None);
                return (await client.SearchAsync(ImapSearchQuery.Header("In-Reply-To", messageId), CancellationToken.None)).Count;
            }

            await Task.Delay(250);
        }
    }
}
