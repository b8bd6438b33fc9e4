using MailTicketing.Storage.Tests.Support;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Ports;
using MailTicketing.Tickets.Sla;

namespace MailTicketing.Storage.Tests.Contract;

/// <summary>
/// What the schedule relies on: status history, first response, open tickets with their claimed
/// keys, claims that act once and whole, and outbox leases that keep two workers off one row.
/// </summary>
public abstract class ScheduleContract<TProvider> : StoreContract<TProvider>
    where TProvider : IStoreProvider, new()
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private IScheduleStore Schedule => Database.CreateScheduleStore();

    [Fact]
    public async Task Each_status_change_is_recorded_once_with_its_time_and_the_status_since_follows_it()
    {
        var (id, _) = await CreateTicketAsync();
        await UpdateAsync(id, TicketStatus.InProgress, Samples.T0.AddHours(1));
        await UpdateAsync(id, TicketStatus.InProgress, Samples.T0.AddHours(2));
        await UpdateAsync(id, TicketStatus.WaitingOnCustomer, Samples.T0.AddHours(3));

        var ticket = Assert.Single(await Schedule.GetTicketsAsync([id], Ct));

        Assert.Equal([new StatusChange(Samples.T0.AddHours(1), TicketStatus.InProgress), new StatusChange(Samples.T0.AddHours(3), TicketStatus.WaitingOnCustomer)], ticket.StatusChanges);
        Assert.Equal(Samples.T0.AddHours(3), ticket.StatusSince);
    }

    [Fact]
    public async Task A_new_ticket_has_its_status_since_creation_and_no_first_response()
    {
        var (id, _) = await CreateTicketAsync(at: Samples.T0.AddMinutes(7));

        var ticket = Assert.Single(await Schedule.GetTicketsAsync([id], Ct));

        Assert.Equal(Samples.T0.AddMinutes(7), ticket.StatusSince);
        Assert.Null(ticket.FirstResponseAt);
        Assert.Empty(ticket.StatusChanges);
        Assert.Empty(ticket.ClaimedKeys);
    }

    [Fact]
    public async Task The_first_response_is_recorded_once_and_later_answers_do_not_move_it()
    {
        var (id, _) = await CreateTicketAsync();

        Assert.True(await InSessionAsync(session => session.RecordFirstResponseAsync(id, Samples.T0.AddHours(1))));
        Assert.False(await InSessionAsync(session => session.RecordFirstResponseAsync(id, Samples.T0.AddHours(2))));

        Assert.Equal(Samples.T0.AddHours(1), Assert.Single(await Schedule.GetTicketsAsync([id], Ct)).FirstResponseAt);
    }

    [Fact]
    public async Task Open_tickets_come_in_id_order_a_page_at_a_time_without_closed_ones()
    {
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await CreateTicketAsync(customer: $"c{i}@example.com")).Id);
        }

        await UpdateAsync(ids[2], TicketStatus.Closed, Samples.T0.AddHours(1));

        var first = await Schedule.ListOpenTicketsAsync(0, 2, Ct);
        var second = await Schedule.ListOpenTicketsAsync(first[^1].Ticket.Id, 2, Ct);
        var third = await Schedule.ListOpenTicketsAsync(second[^1].Ticket.Id, 2, Ct);

        Assert.Equal([ids[0], ids[1]], first.Select(t => t.Ticket.Id));
        Assert.Equal([ids[3], ids[4]], second.Select(t => t.Ticket.Id));
        Assert.Empty(third);
    }

    [Fact]
    public async Task A_claimed_key_is_acted_on_once_and_its_notice_is_stored_and_queued()
    {
        var (id, number) = await CreateTicketAsync();
        var claim = Claim(id, "sla:1:first-response:breach", mail: Mail("<n1@exchange.example>"));

        Assert.Equal(ClaimOutcome.Claimed, await Schedule.ClaimAsync(claim, Ct));
        Assert.Equal(ClaimOutcome.AlreadyClaimed, await Schedule.ClaimAsync(claim with { Mail = Mail("<n2@exchange.example>") }, Ct));

        var due = Assert.Single(await Store.GetDueOutboxAsync(Samples.T0.AddDays(1), 10, Ct));
        Assert.Equal(("team@exchange.example", "<n1@exchange.example>"), (due.Recipient, due.MessageId));
        var details = (await Store.GetTicketAsync(number, Ct))!;
        var notice = Assert.Single(details.Messages);
        Assert.Equal((MessageDirection.Outbound, MessageKind.SlaNotice, ThreadingReason.Scheduled, claim.Key), (notice.Direction, notice.Kind, notice.Reason, notice.ReasonDetail));
        Assert.Equal(new TicketEvent(Samples.T0, "sla-breach", "first response breached"), Assert.Single(details.Events));
        Assert.Equal([claim.Key], Assert.Single(await Schedule.ListOpenTicketsAsync(0, 10, Ct)).ClaimedKeys);
    }

    [Fact]
    public async Task A_claim_planned_for_a_status_the_ticket_left_does_nothing_and_stays_available()
    {
        var (id, number) = await CreateTicketAsync();
        await UpdateAsync(id, TicketStatus.WaitingOnCustomer, Samples.T0.AddHours(1));
        var close = Claim(id, "followup:1:waiting:x:close", mail: Mail("<close@exchange.example>")) with
        {
            Expected = (TicketStatus.WaitingOnCustomer, Samples.T0.AddHours(1)),
            NewStatus = TicketStatus.Closed,
        };
        await UpdateAsync(id, TicketStatus.InProgress, Samples.T0.AddHours(2));

        Assert.Equal(ClaimOutcome.Stale, await Schedule.ClaimAsync(close, Ct));

        var details = (await Store.GetTicketAsync(number, Ct))!;
        Assert.Equal(TicketStatus.InProgress, details.Ticket.Status);
        Assert.Empty(details.Messages);
        Assert.Empty(await Store.GetDueOutboxAsync(Samples.T0.AddDays(1), 10, Ct));
        Assert.Empty(Assert.Single(await Schedule.GetTicketsAsync([id], Ct)).ClaimedKeys);
    }

    [Fact]
    public async Task A_closing_claim_closes_the_ticket_with_its_history_and_leaves_the_open_list()
    {
        var (id, number) = await CreateTicketAsync();
        await UpdateAsync(id, TicketStatus.Resolved, Samples.T0.AddHours(1));
        var close = Claim(id, "followup:1:resolved:x:close", at: Samples.T0.AddDays(3)) with
        {
            Expected = (TicketStatus.Resolved, Samples.T0.AddHours(1)),
            NewStatus = TicketStatus.Closed,
        };

        Assert.Equal(ClaimOutcome.Claimed, await Schedule.ClaimAsync(close, Ct));

        Assert.Equal(TicketStatus.Closed, (await Store.GetTicketAsync(number, Ct))!.Ticket.Status);
        var ticket = Assert.Single(await Schedule.GetTicketsAsync([id], Ct));
        Assert.Equal(new StatusChange(Samples.T0.AddDays(3), TicketStatus.Closed), ticket.StatusChanges[^1]);
        Assert.Empty(await Schedule.ListOpenTicketsAsync(0, 10, Ct));
    }

    [Fact]
    public async Task Leased_outbox_rows_go_to_one_owner_until_marked_or_the_lease_runs_out()
    {
        var (id, _) = await CreateTicketAsync();
        var message = await AddMessageAsync(Samples.Message(id, "<ack@x>", MessageDirection.Outbound, "support@exchange.example", kind: MessageKind.Acknowledgement));
        var first = await InSessionAsync(session => session.EnqueueOutboxAsync(Samples.Outbox(id, message, messageId: "<a@x>")));
        var second = await InSessionAsync(session => session.EnqueueOutboxAsync(Samples.Outbox(id, message, messageId: "<b@x>")));

        var taken = await Store.LeaseDueOutboxAsync("worker-a", Samples.T0, Lease, 1, Ct);
        var other = await Store.LeaseDueOutboxAsync("worker-b", Samples.T0, Lease, 10, Ct);
        var again = await Store.LeaseDueOutboxAsync("worker-a", Samples.T0.AddMinutes(1), Lease, 10, Ct);
        var afterExpiry = await Store.LeaseDueOutboxAsync("worker-b", Samples.T0.AddMinutes(6), Lease, 10, Ct);

        Assert.Equal([first], taken.Select(e => e.Id));
        Assert.Equal([second], other.Select(e => e.Id));
        Assert.Equal([first], again.Select(e => e.Id));
        Assert.Equal([first, second], afterExpiry.Select(e => e.Id));

        await Store.MarkOutboxSentAsync(first, Samples.T0.AddMinutes(7), "250 ok", Ct);
        await Store.MarkOutboxAttemptFailedAsync(second, Samples.T0.AddMinutes(7), "451 later", Samples.T0.AddMinutes(8), Ct);
        Assert.Equal([second], (await Store.LeaseDueOutboxAsync("worker-c", Samples.T0.AddMinutes(8), Lease, 10, Ct)).Select(e => e.Id));
    }

    private Task<bool> UpdateAsync(long id, TicketStatus status, DateTimeOffset at) =>
        InSessionAsync(async session =>
        {
            await session.UpdateTicketAsync(id, status, TicketFlags.None, at);
            return true;
        });

    private static ScheduledClaim Claim(long ticketId, string key, ScheduledMail? mail = null, DateTimeOffset? at = null) =>
        new(key, ticketId, "test-worker", at ?? Samples.T0, "queued", "sla-breach", "first response breached", mail);

    private static ScheduledMail Mail(string messageId) =>
        new("support", MessageKind.SlaNotice, "support@exchange.example", "team@exchange.example", messageId, null, "[Ticket#SUP-000001] SLA breached", "text", "Subject: x\r\n\r\nx\r\n"u8.ToArray());
}
