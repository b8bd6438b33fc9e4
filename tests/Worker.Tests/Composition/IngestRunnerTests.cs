using MailTicketing.Tickets.Ingestion;
using MailTicketing.Worker.Composition;
using MailTicketing.Worker.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailTicketing.Worker.Tests.Composition;

public sealed class IngestRunnerTests
{
    [Fact]
    public async Task A_message_that_fails_in_a_batch_fails_alone_and_the_rest_of_the_batch_is_ingested_once()
    {
        await using var h = await TicketingHarness.StartAsync();
        var mails = new List<IncomingMail>();
        for (var i = 0; i < 7; i++)
        {
            var raw = new TestMail { From = $"c{i}@example.com", Subject = $"Question {i}", Body = $"Question number {i} about my deposit." }.ToBytes(TicketingHarness.Start);
            mails.Add(new IncomingMail("support", "runner-test", $"ok-{i}", () => new MemoryStream(raw, writable: false)));
        }

        // A source that cannot be read (a file deleted under us): ingestion throws for it.
        mails.Insert(3, new IncomingMail("support", "runner-test", "unreadable", () => throw new IOException("gone")));

        var summary = new IngestSummary();
        var runner = new IngestRunner(h.Services.Ingest, NullLogger.Instance);
        await runner.RunAsync(mails, summary, afterEach: null, CancellationToken.None);

        Assert.Equal(7, summary.Count("support", IngestOutcome.NewTicket));
        Assert.Equal(1, summary.Errors("support"));
        Assert.Equal(7, (await h.ExportAsync()).Count);

        // The failed one was not recorded, so the next run tries it again; the others are done.
        var again = new IngestSummary();
        await runner.RunAsync(mails, again, afterEach: null, CancellationToken.None);
        Assert.Equal(7, again.Count("support", IngestOutcome.AlreadyDone));
        Assert.Equal(1, again.Errors("support"));
    }

    [Fact]
    public async Task More_messages_than_a_batch_are_all_ingested_in_order()
    {
        await using var h = await TicketingHarness.StartAsync();
        var count = IngestRunner.BatchSize * 2 + 3;
        var mails = NumberedCustomers(count);

        var summary = new IngestSummary();
        await new IngestRunner(h.Services.Ingest, NullLogger.Instance).RunAsync(mails, summary, afterEach: null, CancellationToken.None);

        Assert.Equal(count, summary.Count("support", IngestOutcome.NewTicket));
        var tickets = await h.ExportAsync();
        Assert.Equal("c0@example.com", tickets[0].Ticket.CustomerAddress);
        Assert.Equal($"c{count - 1}@example.com", tickets[^1].Ticket.CustomerAddress);
    }

    [Fact]
    public async Task A_failed_batch_leaves_the_batches_prepared_behind_it_to_be_ingested_in_order()
    {
        await using var h = await TicketingHarness.StartAsync();
        var count = IngestRunner.BatchSize * 2 + 3;
        var mails = NumberedCustomers(count);

        // The first batch fails at its 11th message, while the second batch is already being prepared.
        mails[10] = new IncomingMail("support", "runner-test", "unreadable", () => throw new IOException("gone"));

        var summary = new IngestSummary();
        await new IngestRunner(h.Services.Ingest, NullLogger.Instance).RunAsync(mails, summary, afterEach: null, CancellationToken.None);

        Assert.Equal(count - 1, summary.Count("support", IngestOutcome.NewTicket));
        Assert.Equal(1, summary.Errors("support"));
        var customers = (await h.ExportAsync()).Select(t => t.Ticket.CustomerAddress).ToList();
        Assert.Equal(Enumerable.Range(0, count).Where(i => i != 10).Select(i => $"c{i}@example.com"), customers);
    }

    /// <summary>One new question each from customers c0, c1, … in that order.</summary>
    private static List<IncomingMail> NumberedCustomers(int count) => [.. Enumerable.Range(0, count).Select(i =>
    {
        var raw = new TestMail { From = $"c{i}@example.com", Subject = $"Question {i}", Body = $"Question number {i}." }.ToBytes(TicketingHarness.Start);
        return new IncomingMail("support", "runner-test", $"m-{i:D4}", () => new MemoryStream(raw, writable: false));
    })];
}
