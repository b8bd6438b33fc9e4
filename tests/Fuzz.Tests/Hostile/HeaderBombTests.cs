using System.Text;
using MailTicketing.Fuzz.Tests.Targets;
using MailTicketing.Mime;
using MailTicketing.Tickets.Ingestion;
using Xunit.Abstractions;
using static MailTicketing.Fuzz.Tests.Hostile.Hostile;

namespace MailTicketing.Fuzz.Tests.Hostile;

public sealed class HeaderBombTests(ITestOutputHelper output)
{
    private static byte[] ManyFields(int count, bool fromFirst)
    {
        var text = new StringBuilder();
        if (fromFirst)
        {
            text.Append("From: alice@customer.example\nTo: support@exchange.example\nSubject: header bomb\n");
        }

        for (var i = 0; i < count; i++)
        {
            text.Append("X-Bomb-").Append(i).Append(": value ").Append(i).Append('\n');
        }

        if (!fromFirst)
        {
            text.Append("From: alice@customer.example\nTo: support@exchange.example\nSubject: header bomb\n");
        }

        return Wire(text.Append("\nbody\n").ToString());
    }

    [Fact]
    public async Task A_message_with_100000_header_fields_keeps_the_first_1000_and_becomes_a_ticket_in_seconds()
    {
        var input = ManyFields(100_000, fromFirst: true);

        var parsed = Parse(input, output);
        using (var message = MimeMessage.Parse(input))
        {
            Assert.Equal(MimeParserOptions.Default.MaxHeaderCount, message.Headers.Count);
            Assert.Contains(message.Defects, d => d.Kind == MimeDefectKind.HeaderLimitExceeded);
        }

        await using var target = await PipelineTarget.StartAsync();
        var ingested = Ingest(target, input, output);

        Assert.Equal(IngestOutcome.NewTicket, target.LastResult!.Outcome);
        Assert.True(parsed.Elapsed < TimeSpan.FromSeconds(5), $"parsing took {parsed.Elapsed}");
        Assert.True(ingested.Elapsed < TimeSpan.FromSeconds(15), $"ingestion took {ingested.Elapsed}");
        Assert.True(parsed.PeakHeapGrowth < 64L * 1024 * 1024, $"the heap grew {parsed.PeakHeapGrowth:N0} bytes");
    }

    [Fact]
    public async Task A_sender_hidden_behind_100000_header_fields_is_not_read_and_the_message_is_quarantined_with_its_reason()
    {
        var input = ManyFields(100_000, fromFirst: false);

        await using var target = await PipelineTarget.StartAsync();
        Ingest(target, input, output);

        Assert.Equal(IngestOutcome.Quarantined, target.LastResult!.Outcome);
        var entry = await target.Harness.SingleQuarantinedAsync();
        Assert.Equal("no-sender", entry.Reason);
        Assert.Equal(input, await target.Harness.ReadBlobAsync(entry.RawSha256));
    }

    [Fact]
    public async Task A_10_MB_subject_is_cut_to_the_header_length_limit_and_the_raw_message_is_kept_whole()
    {
        var input = Wire("From: alice@customer.example\nTo: support@exchange.example\nSubject: " + new string('A', 10 * 1024 * 1024) + "\n\nbody\n");

        var parsed = Parse(input, output);
        using (var message = MimeMessage.Parse(input))
        {
            Assert.InRange(message.Subject!.Length, 1000, MimeParserOptions.Default.MaxHeaderLength);
            Assert.Contains(message.Defects, d => d.Kind == MimeDefectKind.HeaderLimitExceeded);
        }

        await using var target = await PipelineTarget.StartAsync();
        var ingested = Ingest(target, input, output);

        Assert.Equal(IngestOutcome.NewTicket, target.LastResult!.Outcome);
        var ticket = await target.Harness.TicketAsync(target.LastResult.Ticket!.Value.ToString());
        Assert.InRange(ticket.Ticket.Subject.Length, 1, MimeParserOptions.Default.MaxHeaderLength);
        Assert.Equal(input.Length, (await target.Harness.ReadBlobAsync(ticket.Messages[0].RawSha256!)).Length);
        Assert.True(parsed.Elapsed < TimeSpan.FromSeconds(5), $"parsing took {parsed.Elapsed}");
        Assert.True(ingested.Elapsed < TimeSpan.FromSeconds(30), $"ingestion took {ingested.Elapsed}");
        Assert.True(parsed.PeakHeapGrowth < 64L * 1024 * 1024, $"the heap grew {parsed.PeakHeapGrowth:N0} bytes parsing a 10 MB header");
    }
}
