using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using MailTicketing.Mime;
using MailTicketing.Tickets.Acknowledgements;
using MailTicketing.Tickets.Configuration;
using MailTicketing.Tickets.Extraction;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Security;
using MailTicketing.Tickets.Threading;

namespace MailTicketing.Bench.Ingest;

/// <summary>
/// The pipeline's CPU stages outside the database, each run on its own over the same files with
/// the same public building blocks ingestion uses (the same Brotli call as BlobCodec). All but
/// composing the acknowledgement run on the preparing thread, beside the writer and its store calls.
/// </summary>
internal sealed class StageTimes
{
    private static readonly BrotliCompressionOptions BlobCompression = new() { Quality = 1 };

    public double Read { get; private set; }

    public double Hash { get; private set; }

    public double Compress { get; private set; }

    public double Parse { get; private set; }

    public double AttachmentHashes { get; private set; }

    public double Facts { get; private set; }

    public double Acknowledgement { get; private set; }

    public int Messages { get; private set; }

    public double Total => Read + Hash + Compress + Parse + AttachmentHashes + Facts + Acknowledgement;

    public static StageTimes Measure(IReadOnlyList<MailFile> files)
    {
        var times = new StageTimes();
        var composer = new AcknowledgementComposer(new MessageIdSigner(new byte[32]));
        var mailbox = new MailboxDefinition("support", "support@exchange.example", "SUP", TimeSpan.FromHours(24), "Example Exchange Support");
        long sink = 0;
        foreach (var file in files)
        {
            var t0 = Stopwatch.GetTimestamp();
            var raw = File.ReadAllBytes(file.Path);
            var t1 = Stopwatch.GetTimestamp();
            sink += SHA256.HashData(raw)[0];
            var t2 = Stopwatch.GetTimestamp();
            // As BlobCodec.Prepare: one call, the length known up front.
            var compressed = new byte[BrotliEncoder.GetMaxCompressedLength(raw.Length)];
            if (BrotliEncoder.TryCompress(raw, compressed, out var written, BlobCompression.Quality, 22))
            {
                sink += written;
            }

            var t3 = Stopwatch.GetTimestamp();
            using var message = MimeMessage.Load(new MemoryStream(raw, writable: false));
            var subject = message.Subject ?? "";
            var text = message.TextBody ?? "";
            sink += message.From.ToString().Length + message.Attachments.Count;
            var t4 = Stopwatch.GetTimestamp();
            foreach (var attachment in message.Attachments)
            {
                sink += attachment is MimePart part ? part.Content.ComputeSha256().Length : 0;
            }

            var t5 = Stopwatch.GetTimestamp();
            var redacted = SecretScanner.Redact(subject, text);
            var split = ReplyParser.Split(redacted.Body, redacted.Subject);
            var facts = FactExtractor.Extract(redacted.Subject, split.NewText);
            sink += TextFingerprint.Compute(split.NewText) + facts.AccountUids.Count;
            var t6 = Stopwatch.GetTimestamp();
            if (file.Kind is "new" or "list")
            {
                var ack = composer.Compose(new AcknowledgementRequest(
                    new TicketNumber("SUP", times.Messages + 1), mailbox, "Example Exchange Support", "customer@example.com", null, redacted.Subject,
                    message.MessageId, message.References, facts.Language == TextLanguage.Chinese ? "zh" : "en",
                    facts.AccountUids.Count > 0, facts.TransactionIds.Count > 0, message.Attachments.Count > 0, [], false, DateTimeOffset.UnixEpoch));
                sink += ack.Raw.Length;
            }

            var t7 = Stopwatch.GetTimestamp();
            times.Read += Seconds(t0, t1);
            times.Hash += Seconds(t1, t2);
            times.Compress += Seconds(t2, t3);
            times.Parse += Seconds(t3, t4);
            times.AttachmentHashes += Seconds(t4, t5);
            times.Facts += Seconds(t5, t6);
            times.Acknowledgement += Seconds(t6, t7);
            times.Messages++;
        }

        GC.KeepAlive(sink);
        return times;
    }

    private static double Seconds(long from, long to) => (double)(to - from) / Stopwatch.Frequency;
}
