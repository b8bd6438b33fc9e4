using System.Text;
using MailTicketing.Imap;
using MailTicketing.Imap.Tests.Support;
using MailTicketing.Worker.Configuration;

namespace MailTicketing.Worker.Tests.Imap;

/// <summary>
/// The worker against a fake server that fails at chosen moments: after reconnecting, every
/// message becomes exactly one ticket, and the checkpoint ends at the last one.
/// </summary>
public sealed class ImapIngestionFaultTests : IDisposable
{
    private const string Fetch = "(UID RFC822.SIZE FLAGS INTERNALDATE BODY.PEEK[])";
    private readonly ImapWorkerHarness _worker = new();

    private static readonly string[] Bodies = [.. Enumerable.Range(1, 5).Select(Mail)];

    [Fact]
    public async Task A_bye_in_the_middle_of_a_fetch_loses_nothing_and_after_reconnecting_each_message_is_one_ticket()
    {
        await using var server = new ScriptedImapServer(
            async s =>
            {
                await s.GreetLoginSelectAsync();
                await SearchAsync(s, "UID 1:*", "1 2 3");
                await s.ExpectAsync("UID FETCH 1:3 " + Fetch);
                await s.SendAsync(FetchResponse(1) + "* BYE Server shutting down\r\n");
            },
            async s =>
            {
                await s.GreetLoginSelectAsync();
                await SearchAsync(s, "UID 1:*", "1 2 3");
                var tag = await s.ExpectAsync("UID FETCH 1:3 " + Fetch);
                await s.SendAsync(FetchResponse(1) + FetchResponse(2) + FetchResponse(3) + $"{tag} OK Fetch completed\r\n");
                // RFC 3501 §6.4.8: "4:*" names the highest message even below 4; the worker must not take it again.
                await SearchAsync(s, "UID 4:*", "3");
                await LogoutAsync(s);
            });

        var (exit, output) = await _worker.RunOnceAsync(FakeServer(server.Port, ImapProcessedAction.Leave));
        await server.Completion.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(exit == 0, output);
        AssertOneTicketEach(await _worker.TicketsAsync(), 1, 2, 3);
        Assert.Equal(3, (await _worker.CheckpointAsync("imap:127.0.0.1/user/INBOX"))!.LastUid);
    }

    [Fact]
    public async Task A_connection_cut_in_the_middle_of_a_literal_after_a_committed_batch_neither_loses_nor_repeats_a_message()
    {
        await using var server = new ScriptedImapServer(
            async s =>
            {
                await s.GreetLoginSelectAsync();
                await SearchAsync(s, "UID 1:*", "1 2");
                var tag = await s.ExpectAsync("UID FETCH 1:2 " + Fetch);
                await s.SendAsync(FetchResponse(1) + FetchResponse(2) + $"{tag} OK Fetch completed\r\n");
                tag = await s.ExpectAsync("UID STORE 1:2 +FLAGS.SILENT (\\Seen)");
                await s.SendAsync($"{tag} OK Store completed\r\n");
                await SearchAsync(s, "UID 3:*", "3 4");
                await s.ExpectAsync("UID FETCH 3:4 " + Fetch);
                var fourth = FetchResponse(4);
                await s.SendAsync(FetchResponse(3) + fourth[..(fourth.Length - 40)]);
            },
            async s =>
            {
                await s.GreetLoginSelectAsync();
                await SearchAsync(s, "UID 3:*", "3 4");
                var tag = await s.ExpectAsync("UID FETCH 3:4 " + Fetch);
                await s.SendAsync(FetchResponse(3) + FetchResponse(4) + $"{tag} OK Fetch completed\r\n");
                tag = await s.ExpectAsync("UID STORE 3:4 +FLAGS.SILENT (\\Seen)");
                await s.SendAsync($"{tag} OK Store completed\r\n");
                await SearchAsync(s, "UID 5:*", "");
                await LogoutAsync(s);
            });

        var (exit, output) = await _worker.RunOnceAsync(FakeServer(server.Port, ImapProcessedAction.Flag));
        await server.Completion.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(exit == 0, output);
        AssertOneTicketEach(await _worker.TicketsAsync(), 1, 2, 3, 4);
        Assert.Equal(4, (await _worker.CheckpointAsync("imap:127.0.0.1/user/INBOX"))!.LastUid);
    }

    private static ImapMailboxOptions FakeServer(int port, ImapProcessedAction processed)
    {
        Environment.SetEnvironmentVariable("MT_WORKER_TEST_FAKE_IMAP_PASSWORD", "secret");
        return new ImapMailboxOptions
        {
            Host = "127.0.0.1",
            Port = port,
            Security = ImapSecurity.None,
            User = "user",
            PasswordVariable = "MT_WORKER_TEST_FAKE_IMAP_PASSWORD",
            Processed = processed,
            CommandTimeout = TimeSpan.FromSeconds(10),
        };
    }

    private static void AssertOneTicketEach(IReadOnlyList<Tickets.Model.TicketRecord> tickets, params int[] numbers) =>
        Assert.Equal(numbers.Select(n => $"Withdrawal {n} not received").Order(), tickets.Select(t => t.Subject).Order());

    private static string Mail(int n) =>
        $"From: customer{n}@example.org\r\nTo: support@exchange.example\r\nSubject: Withdrawal {n} not received\r\n"
        + $"Date: Mon, 18 Mar 2024 10:0{n}:00 +0000\r\nMessage-ID: <fault-{n}@example.org>\r\n\r\nMy withdrawal number {n} has not arrived.\r\n";

    private static string FetchResponse(int uid)
    {
        var body = Bodies[uid - 1];
        var length = Encoding.ASCII.GetByteCount(body);
        return $"* {uid} FETCH (UID {uid} RFC822.SIZE {length} FLAGS () INTERNALDATE \"18-Mar-2024 10:00:00 +0000\" BODY[] {{{length}}}\r\n{body})\r\n";
    }

    private static async Task SearchAsync(FakeSession s, string criteria, string uids)
    {
        var tag = await s.ExpectAsync("UID SEARCH " + criteria);
        await s.SendAsync((uids.Length > 0 ? $"* SEARCH {uids}\r\n" : "* SEARCH\r\n") + $"{tag} OK Search completed\r\n");
    }

    private static async Task LogoutAsync(FakeSession s)
    {
        var tag = await s.ExpectAsync("LOGOUT");
        await s.SendAsync($"* BYE Logging out\r\n{tag} OK Logout completed\r\n");
    }

    public void Dispose() => _worker.Dispose();
}
