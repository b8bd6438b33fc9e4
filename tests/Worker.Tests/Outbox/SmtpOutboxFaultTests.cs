using MailTicketing.Smtp.Tests.Support;
using MailTicketing.Tickets.Model;
using MailTicketing.Worker.Outbox;
using MailTicketing.Worker.Tests.Support;
using static MailTicketing.Worker.Tests.Outbox.OutboxTestSupport;

namespace MailTicketing.Worker.Tests.Outbox;

/// <summary>
/// The outbox against a scripted SMTP server, for the replies and breaks a real one will not
/// give on demand. The harness clock stands still unless a test moves it.
/// </summary>
public sealed class SmtpOutboxFaultTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_421_greeting_leaves_the_row_pending_with_the_attempt_recorded_and_it_goes_out_after_the_backoff()
    {
        await using var busy = FakeSmtpServer.Start(s => s.SendAsync("421 4.3.2 fake.test busy, try later"));
        await using var h = await TicketingHarness.StartAsync(Fake(busy));
        await h.NewTicketAsync(new TestMail());

        Assert.Equal(0, await h.Services.Sender.DeliverDueAsync(None));
        await busy.FinishAsync();

        var row = Assert.Single(await h.PendingOutboxAsync());
        Assert.Equal(1, row.Attempts);
        Assert.Contains("421 4.3.2", row.LastError, StringComparison.Ordinal);
        Assert.InRange(row.NextAttemptAt!.Value, TicketingHarness.Start + InitialDelay / 2, TicketingHarness.Start + InitialDelay);

        // Before the retry time nothing is due: no connection, no further attempt.
        Assert.Equal(0, await h.Services.Sender.DeliverDueAsync(None));
        Assert.Equal(1, Assert.Single(await h.PendingOutboxAsync()).Attempts);

        h.Clock.Advance(InitialDelay);
        await using var ready = FakeSmtpServer.Start(s => AcceptAsync(s, 1));
        await h.RestartAsync(Fake(ready));
        Assert.Equal(1, await h.Services.Sender.DeliverDueAsync(None));
        await ready.FinishAsync();

        Assert.Empty(await h.PendingOutboxAsync());
        var shown = await ShowAsync(h, "SUP-000001");
        var retry = shown.IndexOf("outbox-retry: to alice@example.com: connecting: greeting: 421 4.3.2", StringComparison.Ordinal);
        var sent = shown.IndexOf("outbox-sent: to alice@example.com: 250 2.0.0 Ok: queued as Q1", StringComparison.Ordinal);
        Assert.True(retry >= 0 && sent > retry, shown);
    }

    [Fact]
    public async Task A_451_on_rcpt_is_retried_later_and_the_session_is_closed_cleanly()
    {
        await using var server = FakeSmtpServer.Start(async s =>
        {
            await s.GreetAsync("8BITMIME");
            await s.ExpectAsync("MAIL FROM:<support@exchange.example>");
            await s.SendAsync("250 2.1.0 Ok");
            await s.ExpectAsync("RCPT TO:<alice@example.com>");
            await s.SendAsync("451 4.7.1 Greylisted, try again later");
            await s.ExpectAsync("RSET");
            await s.SendAsync("250 2.0.0 Ok");
            await s.ExpectAsync("QUIT");
            await s.SendAsync("221 2.0.0 Bye");
        });
        await using var h = await TicketingHarness.StartAsync(Fake(server));
        await h.NewTicketAsync(new TestMail());

        Assert.Equal(0, await h.Services.Sender.DeliverDueAsync(None));
        await server.FinishAsync();

        var row = Assert.Single(await h.PendingOutboxAsync());
        Assert.Equal(OutboxState.Pending, row.State);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("451 4.7.1 Greylisted", row.LastError, StringComparison.Ordinal);
        Assert.True(row.NextAttemptAt > TicketingHarness.Start);
        Assert.Contains((await h.TicketAsync("SUP-000001")).Events, e => e.Kind == "outbox-retry" && e.Detail.Contains("451 4.7.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_550_fails_the_row_for_good_and_the_ticket_shows_it()
    {
        await using var server = FakeSmtpServer.Start(async s =>
        {
            await s.GreetAsync();
            await s.ExpectAsync("MAIL FROM:");
            await s.SendAsync("250 2.1.0 Ok");
            await s.ExpectAsync("RCPT TO:");
            await s.SendAsync("550 5.1.1 <alice@example.com>: Recipient address rejected: User unknown");
            await s.ExpectAsync("RSET");
            await s.SendAsync("250 2.0.0 Ok");
            await s.ExpectAsync("QUIT");
            await s.SendAsync("221 2.0.0 Bye");
        });
        await using var h = await TicketingHarness.StartAsync(Fake(server));
        await h.NewTicketAsync(new TestMail());

        Assert.Equal(0, await h.Services.Sender.DeliverDueAsync(None));
        await server.FinishAsync();

        Assert.Empty(await h.PendingOutboxAsync());
        var shown = await ShowAsync(h, "SUP-000001");
        Assert.Contains("outbox-failed: to alice@example.com: 550 5.1.1 <alice@example.com>: Recipient address rejected", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("outbox-retry", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_cut_in_the_middle_of_data_retries_that_row_and_leaves_the_rest_for_the_next_pass()
    {
        await using var server = FakeSmtpServer.Start(async s =>
        {
            await s.GreetAsync("8BITMIME", "SMTPUTF8");
            await TakeOneAsync(s, "250 2.0.0 Ok: queued as Q1");
            await s.ExpectAsync("MAIL FROM:");
            await s.SendAsync("250 2.1.0 Ok");
            await s.ExpectAsync("RCPT TO:");
            await s.SendAsync("250 2.1.5 Ok");
            await s.ExpectAsync("DATA");
            await s.SendAsync("354 go ahead");
            await s.ReadLineAsync();
            s.Cut();
        });
        await using var h = await TicketingHarness.StartAsync(Fake(server));
        await h.NewTicketAsync(new TestMail());
        await h.NewTicketAsync(new TestMail { From = "bob@example.org", Subject = "Second", Body = "Second question." });
        await h.NewTicketAsync(new TestMail { From = "carol@example.net", Subject = "Third", Body = "Third question." });

        Assert.Equal(1, await h.Services.Sender.DeliverDueAsync(None));
        await server.FinishAsync();

        var pending = (await h.PendingOutboxAsync()).OrderBy(e => e.Id).ToList();
        Assert.Equal(["SUP-000002", "SUP-000003"], pending.Select(e => e.TicketNumber.ToString()));
        Assert.Equal(1, pending[0].Attempts);
        Assert.True(pending[0].NextAttemptAt > TicketingHarness.Start);
        Assert.Equal(0, pending[1].Attempts);
        Assert.Null(pending[1].LastError);
        Assert.True(pending[1].NextAttemptAt <= TicketingHarness.Start);

        h.Clock.Advance(InitialDelay);
        await using var ready = FakeSmtpServer.Start(s => AcceptAsync(s, 2));
        await h.RestartAsync(Fake(ready));
        Assert.Equal(2, await h.Services.Sender.DeliverDueAsync(None));
        await ready.FinishAsync();
        Assert.Empty(await h.PendingOutboxAsync());
    }

    [Fact]
    public async Task A_row_that_reaches_the_maximum_attempts_is_failed_instead_of_retried()
    {
        await using var server = FakeSmtpServer.Start(s => s.SendAsync("421 4.3.2 busy"));
        await using var h = await TicketingHarness.StartAsync(Fake(server, maxAttempts: 1));
        await h.NewTicketAsync(new TestMail());

        await h.Services.Sender.DeliverDueAsync(None);
        await server.FinishAsync();

        Assert.Empty(await h.PendingOutboxAsync());
        Assert.Contains((await h.TicketAsync("SUP-000001")).Events, e => e.Kind == "outbox-failed" && e.Detail.Contains("gave up after 1 attempt", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, 0.0, 30)]
    [InlineData(1, 1.0, 60)]
    [InlineData(2, 1.0, 120)]
    [InlineData(3, 0.5, 180)]
    [InlineData(7, 1.0, 3600)]
    [InlineData(50, 0.0, 1800)]
    public void Backoff_doubles_per_attempt_up_to_the_maximum_with_jitter_in_the_upper_half(int attempt, double random, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SmtpOutboxSender.Backoff(attempt, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), random));
}
