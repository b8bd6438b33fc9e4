using System.Diagnostics;
using MailTicketing.Fuzz.Tests.Targets;
using MailTicketing.Mime;
using MailTicketing.Tickets.Ingestion;
using MailTicketing.Worker.Tests.Support;
using Xunit.Abstractions;
using static MailTicketing.Fuzz.Tests.Hostile.Hostile;

namespace MailTicketing.Fuzz.Tests.Hostile;

/// <summary>
/// An auto-responder on the customer's side answers every mail we send. Each acknowledgement
/// the worker writes to its pickup folder is read back and answered as that responder would;
/// the answer is ingested as the customer's mail. The loop must stop, and what we send is bounded.
/// </summary>
public sealed class MailLoopTests(ITestOutputHelper output)
{
    private const string Customer = "alice@customer.example";

    private delegate string Responder(MimeMessage ack, int round);

    // RFC 3834: says what it is, and threads.
    private static string Rfc3834(MimeMessage ack, int round) => $"""
        From: Alice <{Customer}>
        To: support@exchange.example
        Subject: Auto: {ack.Subject}
        Message-ID: <auto-{round}-{Guid.NewGuid():N}@customer.example>
        In-Reply-To: <{ack.MessageId}>
        References: <{ack.MessageId}>
        Auto-Submitted: auto-replied

        I am away until Monday.

        """;

    // No Auto-Submitted, no threading: only the headers common vacation programs add.
    private static string TypicalHeaders(MimeMessage ack, int round) => $"""
        From: Alice <{Customer}>
        To: support@exchange.example
        Subject: Out of Office
        Message-ID: <ooo-{round}-{Guid.NewGuid():N}@customer.example>
        X-Autoreply: yes
        Precedence: auto_reply

        I am away until Monday. Reference {round}.

        """;

    // No signal at all, no threading, and other text each time (so it is not a near duplicate either).
    private static string Naive(MimeMessage ack, int round) => $"""
        From: Alice <{Customer}>
        To: support@exchange.example
        Subject: Thank you for writing to shop number {round * 7919}
        Message-ID: <naive-{round}-{Guid.NewGuid():N}@customer.example>

        Your message {Guid.NewGuid():N} reached us at desk {round * 104729}. Words {string.Join(' ', Enumerable.Range(round * 13, 12).Select(i => "w" + (i * 2654435761L % 100000)))}.

        """;

    [Theory]
    [InlineData(nameof(Rfc3834))]
    [InlineData(nameof(TypicalHeaders))]
    public async Task An_auto_responder_that_says_so_is_never_acknowledged_so_the_loop_ends_after_one_round(string kind)
    {
        Responder responder = kind == nameof(Rfc3834) ? Rfc3834 : TypicalHeaders;
        await using var target = await PipelineTarget.StartAsync();

        var (rounds, outbound) = await LoopAsync(target, responder, maxRounds: 100);

        Assert.Equal(1, rounds);
        Assert.Equal(1, outbound);
        Assert.Equal(2, target.Probe.Count("SELECT count(*) FROM messages WHERE direction = 'Inbound'"));
    }

    [Fact]
    public async Task A_responder_with_no_signal_at_all_is_stopped_by_the_hourly_cap_per_sender()
    {
        await using var target = await PipelineTarget.StartAsync();
        var cap = target.Harness.Services.Ticketing.MaxAcknowledgementsPerSenderPerHour;

        var (rounds, outbound) = await LoopAsync(target, Naive, maxRounds: 100);

        Assert.Equal(cap, outbound);
        Assert.Equal(cap, rounds);
        Assert.Contains($"limit {cap}", target.Probe.Single<string>("SELECT detail FROM ticket_events WHERE kind = 'acknowledgement-skipped'"));
    }

    [Fact]
    public async Task A_sender_writing_every_ten_minutes_for_a_day_gets_at_most_the_hourly_cap_of_acknowledgements_each_hour()
    {
        await using var target = await PipelineTarget.StartAsync();
        var cap = target.Harness.Services.Ticketing.MaxAcknowledgementsPerSenderPerHour;
        var clock = Stopwatch.StartNew();

        for (var round = 0; round < 6 * 24; round++)
        {
            var result = await target.Harness.IngestAsync(Wire(Naive(null!, round)));
            Assert.Equal(IngestOutcome.NewTicket, result.Outcome);
            target.Harness.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        var outbound = target.Probe.Count("SELECT count(*) FROM outbox");
        output.WriteLine($"144 mails in 24 h from one sender: {outbound} acknowledgements, {clock.ElapsedMilliseconds} ms");
        Assert.InRange(outbound, cap * 12, cap * 24);
        // No rolling hour holds more than the cap.
        var times = target.Probe.Query<long>("SELECT created_at FROM outbox ORDER BY created_at");
        Assert.All(times, t => Assert.InRange(times.Count(o => o > t - 3_600_000 && o <= t), 1, cap));
    }

    /// <summary>Customer mail, then rounds of: deliver the outbox to the pickup folder, answer every new file as the responder. Returns rounds that had something to answer, and outbox rows.</summary>
    private async Task<(int Rounds, long Outbound)> LoopAsync(PipelineTarget target, Responder responder, int maxRounds)
    {
        var clock = Stopwatch.StartNew();
        var first = await target.Harness.IngestAsync(new TestMail { From = $"Alice <{Customer}>", Body = "My deposit has not arrived. UID 123456789." });
        Assert.Equal(IngestOutcome.NewTicket, first.Outcome);
        var answered = new HashSet<string>();
        var rounds = 0;
        for (; rounds < maxRounds; rounds++)
        {
            await target.Harness.Services.Sender.DeliverDueAsync(CancellationToken.None);
            var fresh = Directory.GetFiles(target.Harness.Services.Options.PickupPath, "*.eml").Where(answered.Add).Order(StringComparer.Ordinal).ToList();
            if (fresh.Count == 0)
            {
                break;
            }

            foreach (var file in fresh)
            {
                using var ack = MimeMessage.Load(file);
                var result = await target.Harness.IngestAsync(Wire(responder(ack, rounds)));
                Assert.NotEqual(IngestOutcome.Quarantined, result.Outcome);
            }

            target.Harness.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var outbound = target.Probe.Count("SELECT count(*) FROM outbox");
        output.WriteLine($"{rounds} rounds, {outbound} messages sent, {clock.ElapsedMilliseconds} ms");
        return (rounds, outbound);
    }
}
