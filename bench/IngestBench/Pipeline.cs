using System.Diagnostics;
using MailTicketing.Tickets.Ingestion;
using MailTicketing.Tickets.Ports;
using MailTicketing.Tickets.Routing;
using MailTicketing.Tickets.Security;
using MailTicketing.Worker.Composition;
using MailTicketing.Worker.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailTicketing.Bench.Ingest;

/// <summary>
/// The whole pipeline as the worker composes it (WorkerServices: migrated SQLite file in WAL
/// mode, synchronous=NORMAL, the default mailboxes), fed in batches like IngestRunner feeds `import` and `run`.
/// </summary>
internal sealed class Pipeline : IDisposable
{
    private readonly WorkerServices _services;
    private readonly IngestService _ingest;
    private Pipeline(WorkerServices services, IngestService ingest)
    {
        _services = services;
        _ingest = ingest;
    }

    public string DatabasePath => _services.Options.DatabasePath;

    /// <summary>Opens (creating and migrating when new) the database in <paramref name="dataDirectory"/>.</summary>
    /// <param name="times">When given, ingestion runs on the same store with every session call timed (same composition as WorkerServices otherwise).</param>
    public static async Task<Pipeline> OpenAsync(string dataDirectory, StoreCallTimes? times = null)
    {
        var mailboxes = WorkerOptions.DefaultMailboxes();
        foreach (var mailbox in mailboxes)
        {
            mailbox.Maildir = null;
        }

        var options = new WorkerOptions { DataDirectory = dataDirectory, Mailboxes = mailboxes };
        var services = await WorkerServices.CreateAsync(options, NullLoggerFactory.Instance, TimeProvider.System, CancellationToken.None);
        if (times is null)
        {
            return new Pipeline(services, services.Ingest);
        }

        ITicketStore store = new TimedTicketStore(services.Store, times);
        var ingest = new IngestService(store, services.Ticketing, new MailboxRoutingPolicy(), new MessageIdSigner(SigningKey.Load(options)), TimeProvider.System);
        return new Pipeline(services, ingest);
    }

    public static IncomingMail FromFile(MailFile file) =>
        new(file.Mailbox, "import:bench", Path.GetFileName(file.Path), () => File.OpenRead(file.Path));

    public static IncomingMail FromMemory(GeneratedMail mail, string source) =>
        new(mail.Mailbox, source, mail.Name, () => new MemoryStream(mail.Bytes, writable: false));

    /// <summary>
    /// Ingests the messages in order, <see cref="IngestRunner.BatchSize"/> per transaction as
    /// IngestRunner does (reading one batch ahead into the preparation queue, so it is prepared
    /// while the batch before it commits); a failed batch is taken again one message at a time and the failure counted.
    /// </summary>
    public async Task<OutcomeCounts> IngestAsync(IEnumerable<IncomingMail> mails, Func<OutcomeCounts, bool>? stop = null)
    {
        var counts = new OutcomeCounts();
        await using var preparation = _ingest.StartPreparing(CancellationToken.None);
        IncomingMail[]? current = null;
        foreach (var next in mails.Chunk(IngestRunner.BatchSize).Append(null))
        {
            foreach (var mail in next ?? [])
            {
                preparation?.Add(mail);
            }

            if (current is not null && !await IngestBatchAsync(preparation, current, counts, stop))
            {
                break;
            }

            current = next;
        }

        return counts;
    }

    /// <returns>False when <paramref name="stop"/> says so.</returns>
    private async Task<bool> IngestBatchAsync(PreparationQueue? preparation, IncomingMail[] batch, OutcomeCounts counts, Func<OutcomeCounts, bool>? stop)
    {
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<IngestResult>? results = null;
        try
        {
            results = preparation is null
                ? await _ingest.IngestBatchAsync(batch, CancellationToken.None)
                : await _ingest.IngestBatchAsync(preparation, batch, beforeCommit: null, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Rolled back whole: one at a time, so only the bad one fails.
        }

        for (var i = 0; i < batch.Length; i++)
        {
            if (results is not null)
            {
                counts.Add(results[i], started);
                continue;
            }

            try
            {
                counts.Add(await _ingest.IngestAsync(batch[i], CancellationToken.None), started);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                counts.AddFailure(batch[i].SourceKey, e);
            }
        }

        return stop?.Invoke(counts) != true;
    }

    public void Dispose() => _services.Dispose();
}
