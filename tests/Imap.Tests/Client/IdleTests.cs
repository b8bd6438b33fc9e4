using MailTicketing.Imap.Tests.Support;

namespace MailTicketing.Imap.Tests.Client;

public sealed class IdleTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Idle_returns_after_done_when_the_server_reports_a_new_message()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            var tag = await s.ExpectAsync("IDLE");
            await s.SendAsync("+ idling\r\n");
            await Task.Delay(200);
            await s.SendAsync("* 2 FETCH (FLAGS (\\Seen))\r\n");
            await Task.Delay(100);
            await s.SendAsync("* 4 EXISTS\r\n");
            Assert.Equal("DONE", await s.ReadLineAsync());
            await s.SendAsync($"{tag} OK Idle completed\r\n");
            tag = await s.ExpectAsync("NOOP");
            await s.SendAsync($"{tag} OK\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        var result = await client.IdleAsync(TimeSpan.FromSeconds(10), None);
        await client.NoopAsync(None);
        await server.FinishAsync();

        Assert.Equal(new ImapIdleResult(true, 4), result);
    }

    [Fact]
    public async Task Idle_is_renewed_with_done_at_the_renewal_interval()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            var tag = await s.ExpectAsync("IDLE");
            await s.SendAsync("+ idling\r\n");
            Assert.Equal("DONE", await s.ReadLineAsync());
            await s.SendAsync($"{tag} OK\r\n");
            tag = await s.ExpectAsync("IDLE");
            await s.SendAsync("+ idling\r\n* 3 EXPUNGE\r\n");
            Assert.Equal("DONE", await s.ReadLineAsync());
            await s.SendAsync($"{tag} OK\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options(idleRenewInterval: TimeSpan.FromMilliseconds(300)));
        var result = await client.IdleAsync(TimeSpan.FromSeconds(10), None);
        await server.FinishAsync();

        Assert.Equal(new ImapIdleResult(true, 2), result);
    }

    [Fact]
    public async Task Idle_that_runs_out_of_time_reports_no_change()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            var tag = await s.ExpectAsync("IDLE");
            await s.SendAsync("+ idling\r\n");
            Assert.Equal("DONE", await s.ReadLineAsync());
            await s.SendAsync($"{tag} OK\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        var result = await client.IdleAsync(TimeSpan.FromMilliseconds(300), None);
        await server.FinishAsync();

        Assert.Equal(new ImapIdleResult(false, 3), result);
    }

    [Fact]
    public async Task Cancelling_idle_sends_done_and_leaves_the_connection_usable()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            var tag = await s.ExpectAsync("IDLE");
            await s.SendAsync("+ idling\r\n");
            Assert.Equal("DONE", await s.ReadLineAsync());
            await s.SendAsync($"{tag} OK\r\n");
            tag = await s.ExpectAsync("NOOP");
            await s.SendAsync($"{tag} OK\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.IdleAsync(Timeout.InfiniteTimeSpan, cancel.Token));
        Assert.Equal(ImapClientState.Selected, client.State);
        await client.NoopAsync(None);
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_change_reported_before_idle_returns_at_once_without_idling()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            var tag = await s.ExpectAsync("NOOP");
            await s.SendAsync($"* 5 EXISTS\r\n{tag} OK\r\n");
            tag = await s.ExpectAsync("NOOP");
            await s.SendAsync($"{tag} OK\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        await client.NoopAsync(None);
        var result = await client.IdleAsync(TimeSpan.FromSeconds(10), None);
        await client.NoopAsync(None);
        await server.FinishAsync();

        Assert.Equal(new ImapIdleResult(true, 5), result);
    }

    [Fact]
    public async Task Without_idle_the_client_refuses_to_idle_and_waits_by_polling_with_noop()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync("IMAP4rev1 UIDPLUS");
            var tag = await s.ExpectAsync("NOOP");
            await s.SendAsync($"{tag} OK\r\n");
            tag = await s.ExpectAsync("NOOP");
            await s.SendAsync($"* 4 EXISTS\r\n{tag} OK\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        await Assert.ThrowsAsync<NotSupportedException>(() => client.IdleAsync(TimeSpan.FromSeconds(1), None));
        var result = await client.WaitForChangesAsync(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100), None);
        await server.FinishAsync();

        Assert.Equal(new ImapIdleResult(true, 4), result);
    }

    [Fact]
    public async Task A_server_that_drops_the_connection_during_idle_is_a_lost_connection()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            await s.ExpectAsync("IDLE");
            await s.SendAsync("+ idling\r\n* BYE Server shutting down\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        var error = await Assert.ThrowsAsync<ImapConnectionLostException>(() => client.IdleAsync(TimeSpan.FromSeconds(10), None));
        Assert.Equal("Server shutting down", error.ServerBye);
        Assert.Equal(ImapClientState.Faulted, client.State);
    }
}
