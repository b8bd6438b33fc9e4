using MailTicketing.Tickets.Model;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Worker.Tests.Ingestion;

public sealed class ReceivedTimeTests
{
    private static readonly DateTimeOffset Sent = new(2024, 3, 10, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Received_time_is_the_date_of_the_first_received_header()
    {
        await using var h = await TicketingHarness.StartAsync();
        var delivered = Sent.AddMinutes(7);

        await h.IngestAsync(new TestMail
        {
            Date = Sent,
            Headers =
            [
                "Received: from relay.example.com (relay.example.com [192.0.2.1])\n\tby mx.exchange.example (Postfix) with ESMTPS id 4Tx;\n\t" + Eml.Date(delivered),
                "Received: from client (unknown [198.51.100.7]) by relay.example.com; " + Eml.Date(Sent.AddMinutes(1)),
            ],
        });

        var details = await h.TicketAsync("SUP-000001");
        Assert.Equal(delivered, details.Messages.Single(m => m.Direction == MessageDirection.Inbound).ReceivedAt);
        Assert.Equal(delivered, details.Ticket.CreatedAt);
    }

    [Fact]
    public async Task Received_time_falls_back_to_the_date_header()
    {
        await using var h = await TicketingHarness.StartAsync();

        await h.IngestAsync(new TestMail { Date = Sent });

        var details = await h.TicketAsync("SUP-000001");
        Assert.Equal(Sent, details.Messages.Single(m => m.Direction == MessageDirection.Inbound).ReceivedAt);
        Assert.Equal(Sent, details.Ticket.CreatedAt);
    }

    [Fact]
    public async Task Received_header_without_a_readable_date_falls_back_to_the_date_header()
    {
        await using var h = await TicketingHarness.StartAsync();

        await h.IngestAsync(new TestMail { Date = Sent, Headers = ["Received: from relay.example.com by mx.exchange.example; not a date"] });

        Assert.Equal(Sent, (await h.TicketAsync("SUP-000001")).Ticket.CreatedAt);
    }

    [Fact]
    public async Task Date_with_a_time_zone_is_read_as_the_same_instant()
    {
        await using var h = await TicketingHarness.StartAsync();
        var raw = Eml.Bytes($"""
            From: lin.xiao@example.cn
            To: support@exchange.example
            Subject: Deposit
            Date: Sun, 10 Mar 2024 16:30:00 +0800
            Message-ID: <tz@example.cn>

            My deposit is missing.
            """);

        await h.IngestAsync(raw);

        Assert.Equal(Sent, (await h.TicketAsync("SUP-000001")).Ticket.CreatedAt);
    }

    [Fact]
    public async Task Message_with_neither_received_nor_date_gets_the_ingestion_time()
    {
        await using var h = await TicketingHarness.StartAsync();
        var raw = Eml.Bytes("""
            From: alice@example.com
            To: support@exchange.example
            Subject: No date
            Message-ID: <nodate@example.com>

            Hello.
            """);

        await h.IngestAsync(raw);

        Assert.Equal(h.Clock.GetUtcNow(), (await h.TicketAsync("SUP-000001")).Ticket.CreatedAt);
    }
}
