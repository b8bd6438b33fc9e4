using System.Text;
using MailTicketing.Fuzz.Tests.Targets;
using MailTicketing.Mime;
using MailTicketing.Tickets.Ingestion;
using Xunit.Abstractions;
using static MailTicketing.Fuzz.Tests.Hostile.Hostile;

namespace MailTicketing.Fuzz.Tests.Hostile;

public sealed class NestingTests(ITestOutputHelper output)
{
    private const int Depth = 10_000;

    private static byte[] NestedMultiparts(int depth)
    {
        var text = new StringBuilder("From: alice@customer.example\nTo: support@exchange.example\nSubject: deep\nMIME-Version: 1.0\n");
        for (var i = 0; i < depth; i++)
        {
            text.Append("Content-Type: multipart/mixed; boundary=\"b").Append(i).Append("\"\n\n--b").Append(i).Append('\n');
        }

        text.Append("Content-Type: text/plain\n\nthe innermost text\n");
        for (var i = depth - 1; i >= 0; i--)
        {
            text.Append("--b").Append(i).Append("--\n");
        }

        return Wire(text.ToString());
    }

    private static byte[] NestedMessages(int depth, int payloadBytes)
    {
        var text = new StringBuilder("From: alice@customer.example\nTo: support@exchange.example\nSubject: forwarded many times\nMIME-Version: 1.0\n");
        for (var i = 0; i < depth; i++)
        {
            text.Append("Content-Type: message/rfc822\n\nFrom: level").Append(i).Append("@customer.example\nSubject: level ").Append(i).Append('\n');
        }

        text.Append("Content-Type: text/plain\n\n");
        for (var i = 0; i < payloadBytes / 64; i++)
        {
            text.Append(new string('x', 63)).Append('\n');
        }

        return Wire(text.ToString());
    }

    private static int MaxDepth(MimeMessage message, int depth = 0)
    {
        var deepest = depth;
        foreach (var entity in message.EnumerateEntities())
        {
            if (entity is MessagePart embedded)
            {
                deepest = Math.Max(deepest, MaxDepth(embedded.Message, depth + 1));
            }
        }

        return deepest;
    }

    [Fact]
    public async Task A_multipart_nested_10000_deep_is_read_to_the_nesting_limit_without_overflowing_the_stack_and_becomes_a_ticket()
    {
        var input = NestedMultiparts(Depth);

        var parsed = Parse(input, output);
        using (var message = MimeMessage.Parse(input))
        {
            var multiparts = message.EnumerateEntities().Count(e => e is Multipart);
            Assert.Equal(MimeParserOptions.Default.MaxNestingDepth, multiparts);
            Assert.Contains(message.Defects, d => d.Kind == MimeDefectKind.NestingTooDeep);
        }

        await using var target = await PipelineTarget.StartAsync();
        var ingested = Ingest(target, input, output);

        Assert.Equal(IngestOutcome.NewTicket, target.LastResult!.Outcome);
        Assert.True(parsed.Elapsed < TimeSpan.FromSeconds(5), $"parsing took {parsed.Elapsed}");
        Assert.True(ingested.Elapsed < TimeSpan.FromSeconds(15), $"ingestion took {ingested.Elapsed}");
    }

    [Fact]
    public async Task Messages_forwarded_inside_each_other_10000_deep_stop_at_the_nesting_limit_in_bounded_memory()
    {
        var input = NestedMessages(Depth, payloadBytes: 1024 * 1024);

        var parsed = Parse(input, output);
        using (var message = MimeMessage.Parse(input))
        {
            Assert.InRange(MaxDepth(message), 1, MimeParserOptions.Default.MaxNestingDepth);
        }

        await using var target = await PipelineTarget.StartAsync();
        var ingested = Ingest(target, input, output);

        Assert.Equal(IngestOutcome.NewTicket, target.LastResult!.Outcome);
        // Each embedded level keeps its raw bytes (spilled to a temporary file past 256 KiB), so
        // the nesting limit is also what bounds the copies; the heap holds none of them.
        Assert.True(parsed.PeakHeapGrowth < 96L * 1024 * 1024, $"the heap grew {parsed.PeakHeapGrowth:N0} bytes");
        Assert.True(parsed.Elapsed < TimeSpan.FromSeconds(10), $"parsing took {parsed.Elapsed}");
        Assert.True(ingested.Elapsed < TimeSpan.FromSeconds(30), $"ingestion took {ingested.Elapsed}");
    }
}
