using MailTicketing.Storage.Tests.Support;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Storage.Tests.Contract;

/// <summary>The outbox: due, sent, retried, failed for good, and every attempt on the ticket.</summary>
public abstract class OutboxContract<TProvider> : StoreContract<TProvider>
    where TProvider : IStoreProvider, new()
{
    private async Task<(long TicketId, TicketNumber Number, long OutboxId)> EnqueueAsync(DateTimeOffset at, string messageId = "<ack-1@exchange.example>")
    {
        var (ticketId, number) = await CreateTicketAsync();
        var ack = await AddMessageAsync(Samples.Message(
            ticketId, messageId, MessageDirection.Outbound, "support@exchange.example", kind: MessageKind.Acknowledgement));
        var outboxId = await InSessionAsync(session => session.EnqueueOutboxAsync(Samples.Outbox(ticketId, ack, at: at, messageId: messageId)));
        return (ticketId, number, outboxId);
    }

    [Fact]
    public async Task A_queued_message_is_due_from_its_creation_with_everything_needed_to_send_it()
    {
        var (ticketId, number, outboxId) = await EnqueueAsync(Samples.T0);

        var early = await Store.GetDueOutboxAsync(Samples.T0.AddMilliseconds(-1), 10, Ct);
        var due = Assert.Single(await Store.GetDueOutboxAsync(Samples.T0, 10, Ct));

        Assert.Empty(early);
        Assert.Equal(outboxId, due.Id);
        Assert.Equal(ticketId, due.TicketId);
        Assert.Equal(number, due.TicketNumber);
        Assert.Equal(Samples.Alice, due.Recipient);
        Assert.Equal("<ack-1@exchange.example>", due.MessageId);
        Assert.Equal(Samples.Outbox(ticketId, 0).Raw, due.Raw);
        Assert.Equal((OutboxState.Pending, 0, (string?)null, Samples.T0, (DateTimeOffset?)Samples.T0, (DateTimeOffset?)null),
            (due.State, due.Attempts, due.LastError, due.CreatedAt, due.NextAttemptAt, due.SentAt));
    }

    [Fact]
    public async Task Due_messages_come_oldest_first_up_to_the_limit()
    {
        var (_, _, later) = await EnqueueAsync(Samples.T0.AddMinutes(2), "<a@x>");
        var (_, _, earlier) = await EnqueueAsync(Samples.T0.AddMinutes(1), "<b@x>");
        var (_, _, earliest) = await EnqueueAsync(Samples.T0, "<c@x>");

        var due = await Store.GetDueOutboxAsync(Samples.T0.AddHours(1), 2, Ct);

        Assert.Equal([earliest, earlier], due.Select(entry => entry.Id));
        Assert.DoesNotContain(later, due.Select(entry => entry.Id));
    }

    [Fact]
    public async Task A_sent_message_is_no_longer_due_and_the_ticket_shows_the_delivery()
    {
        var (_, number, outboxId) = await EnqueueAsync(Samples.T0);

        await Store.MarkOutboxSentAsync(outboxId, Samples.T0.AddSeconds(5), "250 2.0.0 queued as 4XyZ", Ct);

        Assert.Empty(await Store.GetDueOutboxAsync(Samples.T0.AddDays(1), 10, Ct));
        var sent = Assert.Single((await Store.GetTicketAsync(number, Ct))!.Events);
        Assert.Equal(new TicketEvent(Samples.T0.AddSeconds(5), TicketEventKinds.OutboxSent, "to alice@example.com: 250 2.0.0 queued as 4XyZ"), sent);
    }

    [Fact]
    public async Task A_failed_attempt_with_a_retry_time_is_due_again_then_and_every_attempt_is_listed()
    {
        var (_, number, outboxId) = await EnqueueAsync(Samples.T0);
        var retryAt = Samples.T0.AddMinutes(5);

        await Store.MarkOutboxAttemptFailedAsync(outboxId, Samples.T0.AddSeconds(1), "421 4.7.0 try again later", retryAt, Ct);
        var beforeRetry = await Store.GetDueOutboxAsync(retryAt.AddSeconds(-1), 10, Ct);
        var retry = Assert.Single(await Store.GetDueOutboxAsync(retryAt, 10, Ct));
        await Store.MarkOutboxSentAsync(outboxId, retryAt.AddSeconds(2), "250 OK", Ct);
        var events = (await Store.GetTicketAsync(number, Ct))!.Events;

        Assert.Empty(beforeRetry);
        Assert.Equal((OutboxState.Pending, 1, "421 4.7.0 try again later", (DateTimeOffset?)retryAt), (retry.State, retry.Attempts, retry.LastError, retry.NextAttemptAt));
        Assert.Equal([TicketEventKinds.OutboxRetry, TicketEventKinds.OutboxSent], events.Select(e => e.Kind));
        Assert.Contains("421 4.7.0 try again later", events[0].Detail);
        Assert.Empty(await Store.GetDueOutboxAsync(Samples.T0.AddDays(1), 10, Ct));
    }

    [Fact]
    public async Task A_permanent_failure_is_never_due_again_and_stays_on_the_ticket()
    {
        var (_, number, outboxId) = await EnqueueAsync(Samples.T0);

        await Store.MarkOutboxAttemptFailedAsync(outboxId, Samples.T0.AddSeconds(1), "550 5.1.1 no such user", null, Ct);

        Assert.Empty(await Store.GetDueOutboxAsync(Samples.T0.AddYears(1), 10, Ct));
        var failed = Assert.Single((await Store.GetTicketAsync(number, Ct))!.Events);
        Assert.Equal(TicketEventKinds.OutboxFailed, failed.Kind);
        Assert.Contains("550 5.1.1 no such user", failed.Detail);
    }

    [Fact]
    public async Task Marking_an_outbox_row_that_does_not_exist_throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.MarkOutboxSentAsync(999, Samples.T0, "250 OK", Ct));
    }
}
