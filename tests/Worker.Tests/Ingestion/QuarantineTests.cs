using MailTicketing.Tickets.Ingestion;
using MailTicketing.Tickets.Model;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Worker.Tests.Ingestion;

public sealed class QuarantineTests
{
    private const long SmallLimit = 2048;

    private static TestMail Large() => new()
    {
        Subject = "Statement attached",
        Body = "Here is my full statement:\n" + string.Join('\n', Enumerable.Range(1, 80).Select(i => $"line {i}: deposit of {i} USDT on 2024-03-{i % 28 + 1:D2}")),
    };

    [Fact]
    public async Task Message_over_the_size_limit_is_quarantined_with_its_raw_bytes_kept()
    {
        await using var h = await TicketingHarness.StartAsync(o => o.MaxMessageBytes = SmallLimit);
        var raw = Large().ToBytes(h.Clock.GetUtcNow());
        Assert.True(raw.Length > SmallLimit);

        var result = await h.IngestAsync(raw);

        Assert.Equal(IngestOutcome.Quarantined, result.Outcome);
        Assert.Null(result.Ticket);
        var entry = await h.SingleQuarantinedAsync();
        Assert.Equal("too-large", entry.Reason);
        Assert.Equal("support", entry.Mailbox);
        Assert.Equal(raw.Length, entry.Size);
        Assert.Equal(raw, await h.ReadBlobAsync(entry.RawSha256));
        Assert.Empty(await h.ExportAsync());
        Assert.Empty(await h.PendingOutboxAsync());
    }

    [Fact]
    public async Task Message_without_a_usable_sender_is_quarantined_as_no_sender()
    {
        await using var h = await TicketingHarness.StartAsync();
        var raw = Eml.Bytes($"""
            From: undisclosed-recipients:;
            To: support@exchange.example
            Subject: Help
            Date: {Eml.Date(h.Clock.GetUtcNow())}
            Message-ID: <nosender@mail.example.com>

            Who am I?
            """);

        var result = await h.IngestAsync(raw);

        Assert.Equal(IngestOutcome.Quarantined, result.Outcome);
        var entry = await h.SingleQuarantinedAsync();
        Assert.Equal("no-sender", entry.Reason);
        Assert.Equal(raw, await h.ReadBlobAsync(entry.RawSha256));
        Assert.Empty(await h.ExportAsync());
    }

    [Fact]
    public async Task Empty_input_is_quarantined_not_dropped()
    {
        await using var h = await TicketingHarness.StartAsync();

        var result = await h.IngestAsync([], sourceKey: "empty-file");

        Assert.Equal(IngestOutcome.Quarantined, result.Outcome);
        var entry = await h.SingleQuarantinedAsync();
        Assert.Equal(0, entry.Size);
        Assert.Equal("empty-file", entry.SourceKey);
        Assert.False(string.IsNullOrEmpty(entry.Reason));
        Assert.Empty(await h.ExportAsync());
    }

    [Fact]
    public async Task Binary_garbage_is_quarantined_not_dropped()
    {
        await using var h = await TicketingHarness.StartAsync();
        var garbage = Enumerable.Range(0, 3000).Select(i => (byte)(i * 7919 % 251)).ToArray();

        var result = await h.IngestAsync(garbage);

        Assert.Equal(IngestOutcome.Quarantined, result.Outcome);
        Assert.Equal(garbage, await h.ReadBlobAsync((await h.SingleQuarantinedAsync()).RawSha256));
    }

    [Fact]
    public async Task Quarantined_message_that_could_be_read_keeps_its_own_received_time()
    {
        await using var h = await TicketingHarness.StartAsync();
        var sent = TicketingHarness.Start.AddDays(-3);
        var raw = Eml.Bytes($"""
            To: support@exchange.example
            Subject: Help
            Date: {Eml.Date(sent)}

            No sender at all.
            """);

        await h.IngestAsync(raw);

        var entry = await h.SingleQuarantinedAsync();
        Assert.Equal("no-sender", entry.Reason);
        Assert.Equal(sent, entry.ReceivedAt);
    }

    [Fact]
    public async Task One_bad_message_between_two_good_ones_does_not_stop_them()
    {
        await using var h = await TicketingHarness.StartAsync(o => o.MaxMessageBytes = SmallLimit);

        var first = await h.IngestAsync(new TestMail { Subject = "First", Body = "First question." });
        var bad = await h.IngestAsync(Large());
        var empty = await h.IngestAsync([]);
        var second = await h.IngestAsync(new TestMail { From = "bob@example.org", Subject = "Second", Body = "Second question." });

        Assert.Equal(IngestOutcome.NewTicket, first.Outcome);
        Assert.Equal(IngestOutcome.Quarantined, bad.Outcome);
        Assert.Equal(IngestOutcome.Quarantined, empty.Outcome);
        Assert.Equal(IngestOutcome.NewTicket, second.Outcome);
        Assert.Equal(["SUP-000001", "SUP-000002"], (await h.ExportAsync()).Select(t => t.Ticket.Number.ToString()));
        Assert.Equal(2, (await h.PendingOutboxAsync()).Count);
        Assert.Equal(2, (await h.Services.Store.ListQuarantineAsync(false, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Quarantined_source_item_is_not_quarantined_twice()
    {
        await using var h = await TicketingHarness.StartAsync(o => o.MaxMessageBytes = SmallLimit);
        var raw = Large().ToBytes(h.Clock.GetUtcNow());
        await h.IngestAsync(raw, sourceKey: "big-1");

        var again = await h.IngestAsync(raw, sourceKey: "big-1");

        Assert.Equal(IngestOutcome.AlreadyDone, again.Outcome);
        await h.SingleQuarantinedAsync();
    }

    [Fact]
    public async Task Replay_after_raising_the_limit_makes_a_ticket_and_marks_the_entry_replayed()
    {
        await using var h = await TicketingHarness.StartAsync(o => o.MaxMessageBytes = SmallLimit);
        await h.IngestAsync(Large());
        var entry = await h.SingleQuarantinedAsync();
        h.Clock.Advance(TimeSpan.FromHours(2));

        await h.RestartAsync(o => o.MaxMessageBytes = 10 * 1024 * 1024);
        var replay = await h.Services.Ingest.ReplayAsync(entry.Id, CancellationToken.None);

        Assert.Equal(IngestOutcome.NewTicket, replay.Outcome);
        Assert.Equal("SUP-000001", replay.Ticket.ToString());
        Assert.True(replay.AcknowledgementQueued);
        var details = await h.TicketAsync("SUP-000001");
        Assert.Equal("Statement attached", details.Ticket.Subject);
        Assert.Equal(entry.RawSha256, details.Messages.Single(m => m.Direction == MessageDirection.Inbound).RawSha256);
        Assert.Empty(await h.Services.Store.ListQuarantineAsync(includeReplayed: false, CancellationToken.None));
        var replayed = await h.Services.Store.GetQuarantineAsync(entry.Id, CancellationToken.None);
        Assert.Equal(h.Clock.GetUtcNow(), replayed!.ReplayedAt);
    }

    [Fact]
    public async Task Replaying_again_is_already_done_and_changes_nothing()
    {
        await using var h = await TicketingHarness.StartAsync(o => o.MaxMessageBytes = SmallLimit);
        await h.IngestAsync(Large());
        var entry = await h.SingleQuarantinedAsync();
        await h.RestartAsync(o => o.MaxMessageBytes = 10 * 1024 * 1024);
        await h.Services.Ingest.ReplayAsync(entry.Id, CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await h.Services.Ingest.ReplayAsync(entry.Id, CancellationToken.None);

        Assert.Equal(IngestOutcome.AlreadyDone, again.Outcome);
        var details = Assert.Single(await h.ExportAsync());
        Assert.Single(details.Messages, m => m.Direction == MessageDirection.Inbound);
        Assert.Single(await h.PendingOutboxAsync());
    }

    [Fact]
    public async Task Replay_that_still_fails_keeps_the_entry_pending()
    {
        await using var h = await TicketingHarness.StartAsync(o => o.MaxMessageBytes = SmallLimit);
        await h.IngestAsync(Large());
        var entry = await h.SingleQuarantinedAsync();

        var replay = await h.Services.Ingest.ReplayAsync(entry.Id, CancellationToken.None);

        Assert.Equal(IngestOutcome.Quarantined, replay.Outcome);
        var still = await h.SingleQuarantinedAsync();
        Assert.Equal(entry.Id, still.Id);
        Assert.Null(still.ReplayedAt);
        Assert.Empty(await h.ExportAsync());
    }

    [Fact]
    public async Task Replay_of_a_message_that_meanwhile_arrived_at_another_mailbox_marks_the_entry_replayed()
    {
        await using var h = await TicketingHarness.StartAsync(o => o.MaxMessageBytes = SmallLimit);
        var mail = Large() with { To = "support@exchange.example, security@exchange.example", MessageId = "big@mail.example.com" };
        await h.IngestAsync(mail, "support");
        var entry = await h.SingleQuarantinedAsync();
        // The copy at security@ came through a relay that cut the quoted statement.
        await h.IngestAsync(mail with { Body = "Here is my full statement: see the attachment I will send separately." }, "security");
        await h.RestartAsync(o => o.MaxMessageBytes = 10 * 1024 * 1024);

        var replay = await h.Services.Ingest.ReplayAsync(entry.Id, CancellationToken.None);

        Assert.Equal(IngestOutcome.AlsoReceivedInMailbox, replay.Outcome);
        Assert.Equal("SEC-000001", replay.Ticket.ToString());
        Assert.Empty(await h.Services.Store.ListQuarantineAsync(includeReplayed: false, CancellationToken.None));
        Assert.Equal(IngestOutcome.AlreadyDone, (await h.Services.Ingest.ReplayAsync(entry.Id, CancellationToken.None)).Outcome);
        Assert.Single((await h.TicketAsync("SEC-000001")).Events, e => e.Kind == "mailbox-added");
    }
}
