using System.Security.Cryptography;
using System.Text;
using MailTicketing.Fuzz.Tests.Targets;
using MailTicketing.Mime;
using MailTicketing.Tickets.Ingestion;
using Xunit.Abstractions;
using static MailTicketing.Fuzz.Tests.Hostile.Hostile;

namespace MailTicketing.Fuzz.Tests.Hostile;

/// <summary>
/// Content that grows when decoded. MIME's own encodings cannot inflate (base64 decodes to 3/4
/// of its text, quoted-printable and uuencode to less than their text), so a decoded part is
/// never larger than the message, and the message is capped (MaxMessageBytes). What can still
/// hurt is holding decoded content in the heap, or decompressing an attachment: neither happens.
/// </summary>
public sealed class EncodingBombTests(ITestOutputHelper output)
{
    private static byte[] WithAttachment(string contentType, string encoding, string encodedBody) =>
        Wire($"From: alice@customer.example\nTo: support@exchange.example\nSubject: attachment\nMIME-Version: 1.0\n" +
            "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nsee attached\n" +
            $"--b\nContent-Type: {contentType}\nContent-Disposition: attachment; filename=\"big.bin\"\nContent-Transfer-Encoding: {encoding}\n\n{encodedBody}\n--b--\n");

    [Fact]
    public async Task A_12_MB_base64_attachment_is_decoded_to_a_temporary_file_not_the_heap_and_stored_with_its_hash()
    {
        var content = new byte[12 * 1024 * 1024];
        new Random(12).NextBytes(content);
        var input = WithAttachment("application/octet-stream", "base64", Convert.ToBase64String(content, Base64FormattingOptions.InsertLineBreaks));

        var parsed = Parse(input, output);
        using (var message = MimeMessage.Parse(input))
        {
            var part = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
            Assert.True(part.Content.IsOnDisk);
            Assert.Equal(content.Length, part.Content.Length);
        }

        await using var target = await PipelineTarget.StartAsync();
        var ingested = Ingest(target, input, output);

        Assert.Equal(IngestOutcome.NewTicket, target.LastResult!.Outcome);
        var stored = Assert.Single((await target.Harness.TicketAsync(target.LastResult.Ticket!.Value.ToString())).Messages[0].Attachments);
        Assert.Equal(content.Length, stored.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), stored.Sha256);
        // The raw message (16 MB) is in memory once as bytes; its decoded 12 MB are not added to it.
        Assert.True(parsed.PeakHeapGrowth < input.Length + (32L * 1024 * 1024), $"the heap grew {parsed.PeakHeapGrowth:N0} bytes");
        Assert.True(ingested.Elapsed < TimeSpan.FromSeconds(45), $"ingestion took {ingested.Elapsed}");
    }

    [Fact]
    public async Task A_compressed_attachment_that_would_inflate_to_1_GB_is_stored_as_sent_and_never_decompressed()
    {
        using var zipped = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(zipped, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 1024; i++)
            {
                gzip.Write(zeros);
            }
        }

        var gz = zipped.ToArray();
        var input = WithAttachment("application/gzip", "base64", Convert.ToBase64String(gz, Base64FormattingOptions.InsertLineBreaks));

        await using var target = await PipelineTarget.StartAsync();
        var ingested = Ingest(target, input, output);

        Assert.Equal(IngestOutcome.NewTicket, target.LastResult!.Outcome);
        var stored = Assert.Single((await target.Harness.TicketAsync(target.LastResult.Ticket!.Value.ToString())).Messages[0].Attachments);
        Assert.Equal(gz.Length, stored.Size);
        Assert.True(ingested.PeakHeapGrowth < 128L * 1024 * 1024, $"the heap grew {ingested.PeakHeapGrowth:N0} bytes for a {gz.Length:N0}-byte archive");
    }

    [Fact]
    public async Task Every_decoded_part_is_smaller_than_its_encoded_text()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 20000; i++)
        {
            text.Append("=41=42=43=44 ").Append(new string('=', 3)).Append("=\n");
        }

        var samples = new[]
        {
            WithAttachment("text/plain", "quoted-printable", text.ToString()),
            WithAttachment("application/octet-stream", "base64", new string('A', 500_000) + "====" + new string('/', 500_000)),
            WithAttachment("application/octet-stream", "x-uuencode", "begin 644 x\n" + string.Concat(Enumerable.Repeat("M" + new string('!', 60) + "\n", 10000)) + "end\n"),
        };
        await using var target = await PipelineTarget.StartAsync();
        for (var i = 0; i < samples.Length; i++)
        {
            Parse(samples[i], output);
            using var message = MimeMessage.Parse(samples[i]);
            var part = Assert.IsType<MimePart>(message.Attachments.Single());
            Assert.InRange(part.Content.Length, 0, samples[i].Length);
            Ingest(target, samples[i], output, iteration: i * 3);
            Assert.Equal(IngestOutcome.NewTicket, target.LastResult!.Outcome);
        }
    }

    [Fact]
    public async Task A_message_over_the_size_limit_is_quarantined_unread_with_its_reason_and_raw_bytes()
    {
        var input = WithAttachment("application/octet-stream", "base64", new string('Q', 5 * 1024 * 1024));

        await using var target = await PipelineTarget.StartAsync(options => options.MaxMessageBytes = 4 * 1024 * 1024);
        Ingest(target, input, output);

        var entry = await target.Harness.SingleQuarantinedAsync();
        Assert.Equal("too-large", entry.Reason);
        Assert.Contains("4,194,304", entry.Detail);
        Assert.Equal(input, await target.Harness.ReadBlobAsync(entry.RawSha256));
    }
}
