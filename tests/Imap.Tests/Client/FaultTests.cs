using System.Diagnostics;
using MailTicketing.Imap.Tests.Support;

namespace MailTicketing.Imap.Tests.Client;

public sealed class FaultTests
{
    private const string FetchCommand = "UID FETCH 1:* (UID RFC822.SIZE FLAGS INTERNALDATE BODY.PEEK[])";
    private static readonly CancellationToken None = CancellationToken.None;

    private static string Message(uint uid, string body) =>
        $"* {uid} FETCH (UID {uid} RFC822.SIZE {body.Length} FLAGS () INTERNALDATE \"05-Mar-2024 06:07:08 +0800\" BODY[] {{{body.Length}}}\r\n{body})\r\n";

    [Fact]
    public async Task Bye_in_the_middle_of_a_fetch_is_a_lost_connection_with_the_server_text_after_the_messages_before_it()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            await s.ExpectAsync(FetchCommand);
            await s.SendAsync(Message(1, "first") + "* BYE Server shutting down\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        var delivered = new List<ImapUid>();
        var error = await Assert.ThrowsAsync<ImapConnectionLostException>(() => client.FetchMessagesAsync(ImapUidSet.From(ImapUid.MinValue), async (m, body, ct) =>
        {
            await body.CopyToAsync(Stream.Null, ct);
            delivered.Add(m.Uid);
        }, None));

        Assert.Equal("Server shutting down", error.ServerBye);
        Assert.Equal([new ImapUid(1)], delivered);
        Assert.Equal(ImapClientState.Faulted, client.State);
        await Assert.ThrowsAsync<ImapConnectionLostException>(() => client.NoopAsync(None));
    }

    [Fact]
    public async Task A_connection_cut_in_the_middle_of_a_literal_fails_the_body_read_and_is_never_delivered_as_complete()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            await s.ExpectAsync(FetchCommand);
            await s.SendAsync("* 1 FETCH (UID 1 RFC822.SIZE 1000 FLAGS () INTERNALDATE \"05-Mar-2024 06:07:08 +0800\" BODY[] {1000}\r\n" + new string('x', 100));
            s.Close();
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        long copied = -1;
        var error = await Assert.ThrowsAsync<ImapConnectionLostException>(() => client.FetchMessagesAsync(ImapUidSet.From(ImapUid.MinValue), async (_, body, ct) =>
        {
            var spool = new MemoryStream();
            try
            {
                await body.CopyToAsync(spool, ct);
            }
            finally
            {
                copied = spool.Length;
            }
        }, None));

        Assert.Equal(100, copied);
        Assert.Contains("middle of a literal (900 bytes missing)", error.Message, StringComparison.Ordinal);
        Assert.Equal(ImapClientState.Faulted, client.State);
    }

    [Fact]
    public async Task No_on_select_is_a_command_error_and_the_client_carries_on_unselected()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            var tag = await s.ExpectAsync("SELECT Missing");
            await s.SendAsync($"{tag} NO [NONEXISTENT] Mailbox doesn't exist: Missing\r\n");
            tag = await s.ExpectAsync("NOOP");
            await s.SendAsync($"{tag} OK\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        var error = await Assert.ThrowsAsync<ImapCommandException>(() => client.SelectAsync("Missing", None));
        Assert.Equal((ImapResponseStatus.No, "NONEXISTENT", "SELECT"), (error.Status, error.ResponseCode, error.Command));

        // RFC 3501 §6.3.1: a failed SELECT leaves no mailbox selected.
        Assert.Equal(ImapClientState.Authenticated, client.State);
        Assert.Null(client.SelectedMailbox);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SearchAsync(ImapSearchQuery.All, None));
        await client.NoopAsync(None);
        await server.FinishAsync();
    }

    [Fact]
    public async Task Bad_on_fetch_is_a_command_error_and_the_mailbox_stays_selected()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            var tag = await s.ExpectAsync(FetchCommand);
            await s.SendAsync($"{tag} BAD Error in IMAP command UID FETCH: Invalid messageset\r\n");
            tag = await s.ExpectAsync("UID SEARCH ALL");
            await s.SendAsync($"* SEARCH 1\r\n{tag} OK\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        var error = await Assert.ThrowsAsync<ImapCommandException>(() => client.FetchMessagesAsync(ImapUidSet.From(ImapUid.MinValue), (_, _, _) => ValueTask.CompletedTask, None));
        Assert.Equal(ImapResponseStatus.Bad, error.Status);
        Assert.Equal(ImapClientState.Selected, client.State);
        Assert.Single(await client.SearchAsync(ImapSearchQuery.All, None));
        await server.FinishAsync();
    }

    [Fact]
    public async Task Messages_expunged_by_another_session_are_left_out_and_the_fetch_succeeds()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            var tag = await s.ExpectAsync(FetchCommand);
            await s.SendAsync(Message(1, "first") + $"{tag} NO [EXPUNGEISSUED] Some messages were expunged\r\n");
            tag = await s.ExpectAsync(FetchCommand);
            await s.SendAsync($"{tag} NO [SERVERBUG] Internal error\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        var count = await client.FetchMessagesAsync(ImapUidSet.From(ImapUid.MinValue), async (_, body, ct) => await body.CopyToAsync(Stream.Null, ct), None);
        var error = await Assert.ThrowsAsync<ImapCommandException>(() => client.FetchMessagesAsync(ImapUidSet.From(ImapUid.MinValue), (_, _, _) => ValueTask.CompletedTask, None));
        await server.FinishAsync();

        Assert.Equal(1, count);
        Assert.Equal("SERVERBUG", error.ResponseCode);
    }

    [Fact]
    public async Task A_silent_server_times_out_and_the_client_is_faulted()
    {
        var release = new TaskCompletionSource();
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            await s.ExpectAsync("NOOP");
            await release.Task;
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options(commandTimeout: TimeSpan.FromSeconds(1)));
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<ImapTimeoutException>(() => client.NoopAsync(None));
        release.SetResult();

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(6));
        Assert.Equal(ImapClientState.Faulted, client.State);
    }

    [Fact]
    public async Task A_server_that_stalls_in_a_literal_times_out_even_though_bytes_came_before()
    {
        var release = new TaskCompletionSource();
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            await s.ExpectAsync(FetchCommand);
            await s.SendAsync("* 1 FETCH (UID 1 RFC822.SIZE 500 FLAGS () INTERNALDATE \"05-Mar-2024 06:07:08 +0800\" BODY[] {500}\r\n" + new string('x', 100));
            await release.Task;
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options(commandTimeout: TimeSpan.FromSeconds(1)));
        await Assert.ThrowsAsync<ImapTimeoutException>(() => client.FetchMessagesAsync(ImapUidSet.From(ImapUid.MinValue), async (_, body, ct) => await body.CopyToAsync(Stream.Null, ct), None));
        release.SetResult();
        Assert.Equal(ImapClientState.Faulted, client.State);
    }

    [Fact]
    public async Task A_slow_consumer_is_not_mistaken_for_a_slow_server()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            var tag = await s.ExpectAsync(FetchCommand);
            await s.SendAsync(Message(1, "first") + Message(2, "second") + $"{tag} OK\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options(commandTimeout: TimeSpan.FromSeconds(1)));
        var count = await client.FetchMessagesAsync(ImapUidSet.From(ImapUid.MinValue), async (_, body, ct) =>
        {
            await Task.Delay(1500, ct);
            await body.CopyToAsync(Stream.Null, ct);
        }, None);
        await server.FinishAsync();
        Assert.Equal(2, count);
    }

    [Fact]
    public async Task Cancelling_a_waiting_command_throws_and_gives_up_the_connection()
    {
        var release = new TaskCompletionSource();
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            await s.ExpectAsync("NOOP");
            await release.Task;
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.NoopAsync(cancel.Token));
        release.SetResult();
        Assert.Equal(ImapClientState.Faulted, client.State);
    }

    [Fact]
    public async Task A_literal_beyond_the_configured_limit_ends_the_connection_before_it_is_read()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            await s.ExpectAsync(FetchCommand);
            await s.SendAsync("* 1 FETCH (UID 1 RFC822.SIZE 5000 FLAGS () INTERNALDATE \"05-Mar-2024 06:07:08 +0800\" BODY[] {5000}\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options(maxLiteralSize: 1000));
        var error = await Assert.ThrowsAsync<ImapProtocolException>(() => client.FetchMessagesAsync(ImapUidSet.From(ImapUid.MinValue), (_, _, _) => ValueTask.CompletedTask, None));
        Assert.Contains("5,000 bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(ImapClientState.Faulted, client.State);
    }

    [Fact]
    public async Task A_callback_that_throws_gives_up_the_connection_and_its_exception_comes_through()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            var tag = await s.ExpectAsync(FetchCommand);
            await s.SendAsync(Message(1, "first") + $"{tag} OK\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        await Assert.ThrowsAsync<IOException>(() => client.FetchMessagesAsync(ImapUidSet.From(ImapUid.MinValue), (_, _, _) => throw new IOException("disk full"), None));
        Assert.Equal(ImapClientState.Faulted, client.State);
    }

    [Fact]
    public async Task A_body_stream_kept_past_its_callback_cannot_be_read()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            var tag = await s.ExpectAsync(FetchCommand);
            await s.SendAsync(Message(1, "first") + $"{tag} OK\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        Stream? kept = null;
        await client.FetchMessagesAsync(ImapUidSet.From(ImapUid.MinValue), (_, body, _) =>
        {
            kept = body;
            return ValueTask.CompletedTask;
        }, None);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await kept!.ReadExactlyAsync(new byte[10]));
    }

    [Fact]
    public async Task Garbage_instead_of_a_response_is_a_protocol_error()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            await s.ExpectAsync("NOOP");
            await s.SendAsync("HTTP/1.1 400 Bad Request\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        await Assert.ThrowsAsync<ImapProtocolException>(() => client.NoopAsync(None));
        Assert.Equal(ImapClientState.Faulted, client.State);
    }

    [Fact]
    public async Task A_bye_greeting_is_a_lost_connection()
    {
        await using var server = FakeImapServer.Start(s => s.SendAsync("* BYE Too many connections\r\n"));
        var error = await Assert.ThrowsAsync<ImapConnectionLostException>(() => ImapClient.ConnectAsync(server.Options(), None));
        Assert.Equal("Too many connections", error.ServerBye);
    }

    [Fact]
    public async Task A_server_that_never_greets_times_out_on_connect()
    {
        var release = new TaskCompletionSource();
        await using var server = FakeImapServer.Start(_ => release.Task);
        var options = server.Options();
        var slow = new ImapClientOptions { Host = options.Host, Port = options.Port, Security = ImapSecurity.None, ConnectTimeout = TimeSpan.FromMilliseconds(300) };
        await Assert.ThrowsAsync<ImapTimeoutException>(() => ImapClient.ConnectAsync(slow, None));
        release.SetResult();
    }

    [Fact]
    public async Task A_second_operation_while_one_runs_is_refused()
    {
        var release = new TaskCompletionSource();
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            var tag = await s.ExpectAsync("NOOP");
            await release.Task;
            await s.SendAsync($"{tag} OK\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        var first = client.NoopAsync(None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.NoopAsync(None));
        release.SetResult();
        await first;
        Assert.Equal(ImapClientState.Selected, client.State);
    }

    [Fact]
    public async Task Logout_reads_the_bye_and_ends_the_session()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            var tag = await s.ExpectAsync("LOGOUT");
            await s.SendAsync($"* BYE Logging out\r\n{tag} OK Logout completed.\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        await client.LogoutAsync(None);
        await server.FinishAsync();
        Assert.Equal(ImapClientState.LoggedOut, client.State);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.NoopAsync(None));
        await client.DisposeAsync();
        Assert.Equal(ImapClientState.LoggedOut, client.State);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.NoopAsync(None));
    }

    [Fact]
    public async Task Reconnecting_after_a_lost_connection_works_with_a_new_client()
    {
        var policy = new ImapReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(10), MaxAttempts = 3 };
        var servers = new List<FakeImapServer>
        {
            FakeImapServer.Start(async s =>
            {
                await s.GreetLoginSelectAsync();
                await s.ExpectAsync("UID SEARCH ALL");
                await s.SendAsync("* BYE going away\r\n");
            }),
            FakeImapServer.Start(async s =>
            {
                await s.GreetLoginSelectAsync();
                var tag = await s.ExpectAsync("UID SEARCH ALL");
                await s.SendAsync($"* SEARCH 1 2\r\n{tag} OK\r\n");
            }),
        };
        var retries = new List<Exception>();
        var attempt = 0;
        try
        {
            var found = await policy.ExecuteAsync(async ct =>
            {
                await using var client = await ClientFactory.SelectedAsync(servers[attempt++].Options());
                return await client.SearchAsync(ImapSearchQuery.All, ct);
            }, (e, _, _) => retries.Add(e), None);

            Assert.Equal(2, found.Count);
            Assert.IsType<ImapConnectionLostException>(Assert.Single(retries));
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }
}
