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
/// mode, synchronous=NORMAL, the default mailboxes), fed one message at a time like `import`.
/// </summary>
internal sealed class Pipeline : IDisposable
{
    private readonly WorkerServices _services;
    private readonly IngestService _ingest;
    private readonly GroupCommitStore? _group;

    private Pipeline(WorkerServices services, IngestService ingest, GroupCommitStore? group)
    {
        _services = services;
        _ingest = ingest;
        _group = group;
    }

    public string DatabasePath => _services.Options.DatabasePath;

    /// <summary>Opens (creating and migrating when new) the database in <paramref name="dataDirectory"/>.</summary>
    /// <param name="times">When given, ingestion runs on the same store with every session call timed (same composition as WorkerServices otherwise).</param>
    /// <param name="groupCommit">Above 1, the what-if of <see cref="GroupCommitStore"/>: one commit per this many messages.</param>
    public static async Task<Pipeline> OpenAsync(string dataDirectory, StoreCallTimes? times = null, int groupCommit = 1)
    {
        var mailboxes = WorkerOptions.DefaultMailboxes();
        foreach (var mailbox in mailboxes)
        {
            mailbox.Maildir = null;
        }

        var options = new WorkerOptions { DataDirectory = dataDirectory, Mailboxes = mailboxes };
        var services = await WorkerServices.CreateAsync(options, NullLoggerFactory.Instance, TimeProvider.System, CancellationToken.None);
        if (times is null && groupCommit <= 1)
        {
            return new Pipeline(services, services.Ingest, null);
        }

        var group = groupCommit > 1 ? new GroupCommitStore(services.Store, groupCommit) : null;
        ITicketStore store = group ?? services.Store;
        store = times is null ? store : new TimedTicketStore(store, times);
        var ingest = new IngestService(store, services.Ticketing, new MailboxRoutingPolicy(), new MessageIdSigner(SigningKey.Load(options)), TimeProvider.System);
        return new Pipeline(services, ingest, group);
    }

    public static IncomingMail FromFile(MailFile file) =>
        new(file.Mailbox, "import:bench", Path.GetFileName(file.Path), () => File.OpenRead(file.Path));

    public static IncomingMail FromMemory(GeneratedMail mail, string source) =>
        new(mail.Mailbox, source, mail.Name, () => new MemoryStream(mail.Bytes, writable: false));

    /// <summary>Ingests the messages in order. A failure is counted and the run goes on, as IngestRunner does.</summary>
    public async Task<OutcomeCounts> IngestAsync(IEnumerable<IncomingMail> mails, Func<OutcomeCounts, bool>? stop = null)
    {
        var counts = new OutcomeCounts();
        foreach (var mail in mails)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                counts.Add(await _ingest.IngestAsync(mail, CancellationToken.None), started);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                counts.AddFailure(mail.SourceKey, e);
            }

            if (stop?.Invoke(counts) == true)
            {
                break;
            }
        }

        if (_group is not null)
        {
            await _group.FlushAsync();
        }

        return counts;
    }

    public void Dispose() => _services.Dispose();
}
