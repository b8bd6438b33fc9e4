using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Worker.Tests.Ingestion;

public sealed class PickupOutboxTests
{
    [Fact]
    public async Task Due_acknowledgements_are_written_once_as_eml_files_named_after_the_outbox_row()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());
        await h.NewTicketAsync(new TestMail { From = "bob@example.org", Subject = "Other", Body = "Other question." });
        var pending = await h.PendingOutboxAsync();

        var delivered = await h.Services.Sender.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(2, delivered);
        var files = Directory.GetFiles(h.Services.Sender.Destination).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(pending.Select(e => $"{e.Id:D8}-{e.TicketNumber}.eml").Order(), files);
        foreach (var entry in pending)
        {
            Assert.Equal(entry.Raw, await File.ReadAllBytesAsync(Path.Combine(h.Services.Sender.Destination, $"{entry.Id:D8}-{entry.TicketNumber}.eml")));
        }

        Assert.Empty(await h.PendingOutboxAsync());
    }

    [Fact]
    public async Task Second_delivery_run_writes_nothing_new()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());
        await h.Services.Sender.DeliverDueAsync(CancellationToken.None);
        File.Delete(Assert.Single(Directory.GetFiles(h.Services.Sender.Destination)));

        var again = await h.Services.Sender.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(0, again);
        Assert.Empty(Directory.GetFiles(h.Services.Sender.Destination));
    }

    [Fact]
    public async Task Delivery_is_recorded_on_the_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());

        await h.Services.Sender.DeliverDueAsync(CancellationToken.None);

        var details = await h.TicketAsync("SUP-000001");
        Assert.Contains(details.Events, e => e.Kind == "outbox-sent" && e.Detail.Contains("alice@example.com"));
    }

    [Fact]
    public async Task New_acknowledgements_after_a_run_are_written_in_the_next_run_only()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());
        Assert.Equal(1, await h.Services.Sender.DeliverDueAsync(CancellationToken.None));
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await h.NewTicketAsync(new TestMail { From = "bob@example.org", Subject = "Other", Body = "Other question." });

        Assert.Equal(1, await h.Services.Sender.DeliverDueAsync(CancellationToken.None));

        Assert.Equal(2, Directory.GetFiles(h.Services.Sender.Destination).Length);
        Assert.Contains(Directory.GetFiles(h.Services.Sender.Destination), f => f.EndsWith("-SUP-000002.eml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Acknowledgement_is_delivered_at_once_even_when_the_sender_clock_is_ahead()
    {
        await using var h = await TicketingHarness.StartAsync();
        // The customer's computer is two hours fast; no Received header (an .eml import).
        await h.NewTicketAsync(new TestMail { Date = h.Clock.GetUtcNow().AddHours(2) });

        Assert.Equal(1, await h.Services.Sender.DeliverDueAsync(CancellationToken.None));
        Assert.Empty(await h.PendingOutboxAsync());
    }
}
