using MailTicketing.Tickets.Ingestion;
using MailTicketing.Tickets.Model;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Worker.Tests.Ingestion;

public sealed class SameIdentifierTests
{
    private const string TxId = "0x4a803dc39653428b6bd5210fe8bd5ae575a995d0e7846bd3eae0802188268682";

    private static TestMail FirstDeposit() => new()
    {
        Subject = "Deposit not credited",
        Body = $"Hello, my USDT deposit has not arrived.\nTxID: {TxId}\nPlease check.",
    };

    private static TestMail SecondDeposit(string from = "Alice Wang <alice@example.com>") => new()
    {
        From = from,
        Subject = "Still waiting!!",
        Body = $"Why is nobody answering? It is the transaction {TxId} again. I am very unhappy with the service so far.",
    };

    [Fact]
    public async Task Same_txid_from_the_same_customer_within_the_window_joins_the_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(FirstDeposit());
        h.Clock.Advance(TimeSpan.FromDays(2));

        var result = await h.IngestAsync(SecondDeposit());

        Assert.Equal(IngestOutcome.AddedToTicket, result.Outcome);
        Assert.Equal("SUP-000001", result.Ticket.ToString());
        var message = (await h.TicketAsync("SUP-000001")).Messages.Last(m => m.Direction == MessageDirection.Inbound);
        Assert.Equal(ThreadingReason.SameIdentifier, message.Reason);
        Assert.Contains(TxId, message.ReasonDetail);
    }

    [Fact]
    public async Task Same_txid_from_the_same_customer_writing_the_address_in_other_case_joins_the_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(FirstDeposit() with { From = "Alice.Wang@Example.com" });

        var result = await h.IngestAsync(SecondDeposit("ALICE.WANG@example.com"));

        Assert.Equal(IngestOutcome.AddedToTicket, result.Outcome);
    }

    [Fact]
    public async Task Same_order_number_from_the_same_customer_within_the_window_joins_the_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail { Subject = "Withdrawal pending", Body = "My withdrawal order WD202403180042 is still pending." });
        h.Clock.Advance(TimeSpan.FromDays(1));

        var result = await h.IngestAsync(new TestMail { Subject = "Urgent", Body = "Order WD202403180042: I need this money today, please hurry up." });

        Assert.Equal(IngestOutcome.AddedToTicket, result.Outcome);
        Assert.Equal(ThreadingReason.SameIdentifier, (await h.TicketAsync("SUP-000001")).Messages.Last(m => m.Direction == MessageDirection.Inbound).Reason);
    }

    [Fact]
    public async Task Order_number_retyped_in_lower_case_joins_the_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail { Subject = "Withdrawal pending", Body = "My withdrawal order WD202403180042 is still pending." });
        h.Clock.Advance(TimeSpan.FromDays(1));

        var result = await h.IngestAsync(new TestMail { Subject = "Urgent", Body = "Order wd202403180042: I need this money today, please hurry up." });

        Assert.Equal(IngestOutcome.AddedToTicket, result.Outcome);
    }

    [Fact]
    public async Task Evm_txid_retyped_in_upper_case_joins_the_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(FirstDeposit());
        h.Clock.Advance(TimeSpan.FromDays(1));

        var result = await h.IngestAsync(SecondDeposit() with { Body = $"Transaction hash: 0x{TxId[2..].ToUpperInvariant()} -- where is my money?" });

        Assert.Equal(IngestOutcome.AddedToTicket, result.Outcome);
    }

    [Fact]
    public async Task Same_txid_after_the_window_opens_a_new_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(FirstDeposit());
        h.Clock.Advance(TimeSpan.FromDays(8));

        var result = await h.IngestAsync(SecondDeposit());

        Assert.Equal(IngestOutcome.NewTicket, result.Outcome);
        Assert.Equal("SUP-000002", result.Ticket.ToString());
    }

    [Fact]
    public async Task Window_is_measured_on_the_message_received_time_not_on_the_clock()
    {
        await using var h = await TicketingHarness.StartAsync();
        // An imported backlog: the clock says today, the mails say eight days apart.
        await h.NewTicketAsync(FirstDeposit() with { Date = TicketingHarness.Start.AddDays(-20) });

        var result = await h.IngestAsync(SecondDeposit() with { Date = TicketingHarness.Start.AddDays(-12) });

        Assert.Equal(IngestOutcome.NewTicket, result.Outcome);
    }

    [Fact]
    public async Task Backlog_mails_days_apart_within_the_window_join_though_imported_weeks_later()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(FirstDeposit() with { Date = TicketingHarness.Start.AddDays(-30) });
        h.Clock.Advance(TimeSpan.FromDays(30));

        var result = await h.IngestAsync(SecondDeposit() with { Date = TicketingHarness.Start.AddDays(-28) });

        Assert.Equal(IngestOutcome.AddedToTicket, result.Outcome);
    }

    [Fact]
    public async Task Same_txid_from_a_different_customer_opens_a_new_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(FirstDeposit());

        var result = await h.IngestAsync(SecondDeposit("Bob <bob@example.org>"));

        Assert.Equal(IngestOutcome.NewTicket, result.Outcome);
        Assert.Equal("bob@example.org", (await h.TicketAsync("SUP-000002")).Ticket.CustomerAddress);
    }

    [Fact]
    public async Task Same_uid_with_a_different_problem_opens_a_new_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail { Subject = "Deposit missing", Body = "My UID is 36925814. My BTC deposit from this morning is not showing." });
        h.Clock.Advance(TimeSpan.FromHours(3));

        var result = await h.IngestAsync(new TestMail { Subject = "Change phone number", Body = "My UID is 36925814. I got a new phone and need to move my 2FA to it." });

        Assert.Equal(IngestOutcome.NewTicket, result.Outcome);
        Assert.Equal("SUP-000002", result.Ticket.ToString());
    }

    [Fact]
    public async Task Same_txid_on_a_closed_ticket_opens_a_new_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        var first = await h.NewTicketAsync(FirstDeposit());
        await h.Services.Store.SetStatusAsync(first, TicketStatus.Closed, "agent", h.Clock.GetUtcNow(), CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromHours(1));

        var result = await h.IngestAsync(SecondDeposit());

        Assert.Equal(IngestOutcome.NewTicket, result.Outcome);
    }
}
