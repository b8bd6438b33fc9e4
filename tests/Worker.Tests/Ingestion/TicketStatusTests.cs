using MailTicketing.Tickets.Ingestion;
using MailTicketing.Tickets.Model;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Worker.Tests.Ingestion;

public sealed class TicketStatusTests
{
    private static readonly TicketNumber First = TicketNumber.Parse("SUP-000001");

    [Fact]
    public async Task Reply_to_a_closed_ticket_opens_a_new_ticket_linked_to_it()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());
        using var ack = await h.AcknowledgementAsync(First);
        Assert.True(await h.Services.Store.SetStatusAsync(First, TicketStatus.Closed, "agent", h.Clock.GetUtcNow(), CancellationToken.None));
        h.Clock.Advance(TimeSpan.FromDays(2));

        var result = await h.IngestAsync(new TestMail { Subject = "Re: [Ticket#SUP-000001] Deposit not credited", InReplyTo = ack.MessageId, Body = "It happened again with today's deposit." });

        Assert.Equal(IngestOutcome.NewTicket, result.Outcome);
        Assert.Equal("SUP-000002", result.Ticket.ToString());
        var reopened = await h.TicketAsync("SUP-000002");
        Assert.Equal(First, reopened.LinkedTicket);
        Assert.True(reopened.Ticket.Flags.HasFlag(TicketFlags.ReopenedFromClosed));
        Assert.Equal(TicketStatus.Submitted, reopened.Ticket.Status);
        Assert.Equal(ThreadingReason.ReplyToClosedTicket, reopened.Messages.Single(m => m.Direction == MessageDirection.Inbound).Reason);

        var closed = await h.TicketAsync("SUP-000001");
        Assert.Equal(TicketStatus.Closed, closed.Ticket.Status);
        Assert.Contains(closed.Events, e => e.Kind == "related" && e.Detail.Contains("SUP-000002"));
        Assert.Single(closed.Messages, m => m.Direction == MessageDirection.Inbound);
    }

    [Fact]
    public async Task Second_reply_to_a_closed_ticket_joins_the_ticket_the_first_reply_opened()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());
        using var ack = await h.AcknowledgementAsync(First);
        await h.Services.Store.SetStatusAsync(First, TicketStatus.Closed, "agent", h.Clock.GetUtcNow(), CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromDays(2));
        var reopened = await h.IngestAsync(new TestMail { Subject = "Re: [Ticket#SUP-000001] Deposit not credited", InReplyTo = ack.MessageId, Body = "It happened again with today's deposit." });
        h.Clock.Advance(TimeSpan.FromMinutes(3));

        // The customer answers the same old mail once more, to add what they forgot.
        var second = await h.IngestAsync(new TestMail { Subject = "Re: [Ticket#SUP-000001] Deposit not credited", InReplyTo = ack.MessageId, Body = "Forgot to say: it was 250 USDT on TRC20." });

        Assert.Equal("SUP-000002", reopened.Ticket.ToString());
        Assert.Equal(IngestOutcome.AddedToTicket, second.Outcome);
        Assert.Equal("SUP-000002", second.Ticket.ToString());
        Assert.Equal(2, (await h.ExportAsync()).Count);
    }

    [Fact]
    public async Task Reply_to_a_closed_ticket_is_acknowledged_as_a_new_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());
        await h.Services.Store.SetStatusAsync(First, TicketStatus.Closed, "agent", h.Clock.GetUtcNow(), CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromDays(2));

        var result = await h.IngestAsync(new TestMail { Subject = "Re: [Ticket#SUP-000001] Deposit not credited", Body = "Again." });

        Assert.True(result.AcknowledgementQueued);
        using var ack = await h.AcknowledgementAsync(TicketNumber.Parse("SUP-000002"));
        Assert.Contains("[Ticket#SUP-000002]", ack.Subject);
    }

    [Theory]
    [InlineData(TicketStatus.WaitingOnCustomer)]
    [InlineData(TicketStatus.Resolved)]
    public async Task Customer_reply_moves_a_ticket_back_to_in_progress(TicketStatus status)
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());
        await h.Services.Store.SetStatusAsync(First, status, "agent", h.Clock.GetUtcNow(), CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromHours(5));

        var result = await h.IngestAsync(new TestMail { Subject = "Re: [Ticket#SUP-000001] Deposit not credited", Body = "Here is my UID: 36925814" });

        Assert.Equal(IngestOutcome.AddedToTicket, result.Outcome);
        var details = await h.TicketAsync("SUP-000001");
        Assert.Equal(TicketStatus.InProgress, details.Ticket.Status);
        Assert.Contains(details.Events, e => e.Kind == "status" && e.Detail.Contains("InProgress"));
    }

    [Fact]
    public async Task Customer_reply_leaves_a_submitted_ticket_submitted()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());

        await h.IngestAsync(new TestMail { Subject = "Re: [Ticket#SUP-000001] Deposit not credited", Body = "Any news?" });

        Assert.Equal(TicketStatus.Submitted, (await h.TicketAsync("SUP-000001")).Ticket.Status);
    }

    [Fact]
    public async Task Out_of_office_reply_does_not_move_a_waiting_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());
        using var ack = await h.AcknowledgementAsync(First);
        await h.Services.Store.SetStatusAsync(First, TicketStatus.WaitingOnCustomer, "agent", h.Clock.GetUtcNow(), CancellationToken.None);

        var result = await h.IngestAsync(new TestMail
        {
            Subject = "Automatic reply: [Ticket#SUP-000001] Deposit not credited",
            InReplyTo = ack.MessageId,
            Headers = ["Auto-Submitted: auto-replied"],
            Body = "I am out of the office until Monday.",
        });

        Assert.Equal(IngestOutcome.AddedToTicket, result.Outcome);
        var details = await h.TicketAsync("SUP-000001");
        Assert.Equal(TicketStatus.WaitingOnCustomer, details.Ticket.Status);
        Assert.Equal(MessageKind.AutoReply, details.Messages.Last(m => m.Direction == MessageDirection.Inbound).Kind);
    }
}
