using MailTicketing.Tickets.Ingestion;
using MailTicketing.Tickets.Model;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Worker.Tests.Ingestion;

public sealed class DuplicateDeliveryTests
{
    [Fact]
    public async Task Same_mail_at_support_and_security_is_one_ticket_visible_in_both_with_one_acknowledgement()
    {
        await using var h = await TicketingHarness.StartAsync();
        var raw = new TestMail { To = "support@exchange.example, security@exchange.example", MessageId = "both@mail.example.com", Subject = "Account hacked?" }
            .ToBytes(h.Clock.GetUtcNow());

        var atSupport = await h.IngestAsync(raw, "support");
        var atSecurity = await h.IngestAsync(raw, "security");

        Assert.Equal(IngestOutcome.NewTicket, atSupport.Outcome);
        Assert.Equal(IngestOutcome.AlsoReceivedInMailbox, atSecurity.Outcome);
        Assert.Equal(atSupport.Ticket, atSecurity.Ticket);
        var details = Assert.Single(await h.ExportAsync());
        Assert.Equal(["support", "security"], details.Mailboxes);
        Assert.Single(details.Messages, m => m.Direction == MessageDirection.Inbound);
        Assert.Contains(details.Events, e => e.Kind == "mailbox-added");
        Assert.Single(await h.PendingOutboxAsync());
        var bySecurity = await h.Services.Store.ListTicketsAsync(new TicketQuery(Mailbox: "security"), CancellationToken.None);
        Assert.Equal(atSupport.Ticket, Assert.Single(bySecurity).Number);
    }

    [Fact]
    public async Task Copies_with_different_delivery_headers_at_two_mailboxes_are_one_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        var mail = new TestMail { To = "support@exchange.example, security@exchange.example", MessageId = "both@mail.example.com", Subject = "Account hacked?" };

        var atSecurity = await h.IngestAsync(mail with { Headers = ["Delivered-To: security@exchange.example"] }, "security");
        var atSupport = await h.IngestAsync(mail with { Headers = ["Delivered-To: support@exchange.example"] }, "support");

        Assert.Equal(IngestOutcome.NewTicket, atSecurity.Outcome);
        Assert.Equal("SEC-000001", atSecurity.Ticket.ToString());
        Assert.Equal(IngestOutcome.AlsoReceivedInMailbox, atSupport.Outcome);
        Assert.Equal(["security", "support"], Assert.Single(await h.ExportAsync()).Mailboxes);
        Assert.Single(await h.PendingOutboxAsync());
    }

    [Fact]
    public async Task Same_bytes_again_at_the_same_mailbox_are_a_duplicate_and_change_nothing()
    {
        await using var h = await TicketingHarness.StartAsync();
        var raw = new TestMail().ToBytes(h.Clock.GetUtcNow());
        await h.IngestAsync(raw);
        var before = Assert.Single(await h.ExportAsync());

        var again = await h.IngestAsync(raw);

        Assert.Equal(IngestOutcome.Duplicate, again.Outcome);
        Assert.False(again.AcknowledgementQueued);
        var after = Assert.Single(await h.ExportAsync());
        Assert.Equal(before.Messages.Count, after.Messages.Count);
        Assert.Equal(before.Events.Count, after.Events.Count);
        Assert.Single(await h.PendingOutboxAsync());
    }

    [Fact]
    public async Task Same_message_id_with_different_bytes_at_the_same_mailbox_is_a_duplicate()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.IngestAsync(new TestMail { MessageId = "resent@mail.example.com" });

        // A re-delivery through another relay: one more Received line, same Message-ID.
        var again = await h.IngestAsync(new TestMail { MessageId = "resent@mail.example.com", Headers = ["Received: from relay2.example by mx.exchange.example; " + Eml.Date(h.Clock.GetUtcNow())] });

        Assert.Equal(IngestOutcome.Duplicate, again.Outcome);
        Assert.Equal("SUP-000001", again.Ticket.ToString());
        Assert.Single(Assert.Single(await h.ExportAsync()).Messages, m => m.Direction == MessageDirection.Inbound);
    }

    [Fact]
    public async Task Same_source_key_again_is_already_done()
    {
        await using var h = await TicketingHarness.StartAsync();
        var first = new TestMail().ToBytes(h.Clock.GetUtcNow());
        var other = new TestMail { From = "bob@example.org", Subject = "Other" }.ToBytes(h.Clock.GetUtcNow());
        await h.IngestAsync(first, sourceKey: "maildir-1");

        var again = await h.IngestAsync(other, sourceKey: "maildir-1");

        Assert.Equal(IngestOutcome.AlreadyDone, again.Outcome);
        Assert.Single(await h.ExportAsync());
    }

    [Fact]
    public async Task Same_source_key_after_a_restart_is_already_done()
    {
        await using var h = await TicketingHarness.StartAsync();
        var raw = new TestMail().ToBytes(h.Clock.GetUtcNow());
        await h.IngestAsync(raw, sourceKey: "maildir-1");
        await h.RestartAsync(_ => { });

        var again = await h.IngestAsync(raw, sourceKey: "maildir-1");

        Assert.Equal(IngestOutcome.AlreadyDone, again.Outcome);
        Assert.Single(await h.ExportAsync());
    }
}
