using MailTicketing.Storage;
using MailTicketing.Tickets.Configuration;
using MailTicketing.Tickets.Ingestion;
using MailTicketing.Tickets.Ports;
using MailTicketing.Tickets.Routing;
using MailTicketing.Tickets.Security;
using MailTicketing.Worker.Configuration;
using MailTicketing.Worker.Outbox;
using MailTicketing.Worker.Sources;
using Microsoft.Extensions.Logging;

namespace MailTicketing.Worker.Composition;

/// <summary>
/// The composition root for the command line: validated options, the migrated store, the
/// ingestion service, the sources and the outbox sender. One per command invocation.
/// </summary>
public sealed class WorkerServices : IDisposable, IAsyncDisposable
{
    private readonly ITicketDatabase _database;

    private WorkerServices(WorkerOptions options, TicketingOptions ticketing, ITicketDatabase database, ITicketStore store, IngestService ingest, IOutboxSender sender, ILoggerFactory loggerFactory)
    {
        _database = database;
        Options = options;
        Ticketing = ticketing;
        Store = store;
        Ingest = ingest;
        Sender = sender;
        LoggerFactory = loggerFactory;
    }

    public WorkerOptions Options { get; }
    public TicketingOptions Ticketing { get; }
    public ITicketStore Store { get; }
    public IngestService Ingest { get; }
    /// <summary>SMTP when configured (MailTicketing:Smtp), otherwise the pickup folder.</summary>
    public IOutboxSender Sender { get; }
    public ILoggerFactory LoggerFactory { get; }

    public static async Task<WorkerServices> CreateAsync(WorkerOptions options, ILoggerFactory loggerFactory, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = WorkerOptionsValidator.Validate(options);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The configuration is not valid:\n  " + string.Join("\n  ", errors));
        }

        Directory.CreateDirectory(options.DataDirectory);
        var database = await StoreFactory.OpenAsync(options.DatabasePath, clock, cancellationToken);
        var store = database.CreateTicketStore();
        var ticketing = ToTicketingOptions(options);
        var signer = new MessageIdSigner(SigningKey.Load(options));
        var ingest = new IngestService(store, ticketing, new MailboxRoutingPolicy(), signer, clock);
        IOutboxSender sender = options.Smtp is { } smtp
            ? new SmtpOutboxSender(store, smtp, clock, loggerFactory.CreateLogger<SmtpOutboxSender>())
            : new PickupFolderSender(store, options.PickupPath, clock);
        return new WorkerServices(options, ticketing, database, store, ingest, sender, loggerFactory);
    }

    public IEnumerable<MaildirSource> MaildirSources() =>
        Options.Mailboxes.Where(m => m.Maildir is not null).Select(m => new MaildirSource(m.Name, m.Maildir!));

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    /// <summary>For `using` in synchronous code: waits for the database to stop its checkpointer.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static TicketingOptions ToTicketingOptions(WorkerOptions options) => new()
    {
        CompanyName = options.CompanyName,
        SameIdentifierWindow = options.SameIdentifierWindow,
        NearDuplicateWindow = options.NearDuplicateWindow,
        MaxAcknowledgementsPerSenderPerHour = options.MaxAcknowledgementsPerSenderPerHour,
        MaxMessageBytes = options.MaxMessageBytes,
        OwnAddresses = options.OwnAddresses,
        Mailboxes = options.Mailboxes
            .Select(m => new MailboxDefinition(m.Name.ToLowerInvariant(), m.Address.ToLowerInvariant(), m.TicketPrefix.ToUpperInvariant(), m.ResponseTime, m.DisplayName ?? options.CompanyName))
            .ToList(),
    };
}
