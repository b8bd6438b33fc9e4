using MailTicketing.Storage;
using MailTicketing.Tickets.Configuration;
using MailTicketing.Tickets.FollowUps;
using MailTicketing.Tickets.Ingestion;
using MailTicketing.Tickets.Ports;
using MailTicketing.Tickets.Routing;
using MailTicketing.Tickets.Schedule;
using MailTicketing.Tickets.Security;
using MailTicketing.Tickets.Sla;
using MailTicketing.Worker.Configuration;
using MailTicketing.Worker.Outbox;
using MailTicketing.Worker.Scheduling;
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

    private WorkerServices(WorkerOptions options, TicketingOptions ticketing, ITicketDatabase database, ITicketStore store, IngestService ingest, IOutboxSender sender, ILoggerFactory loggerFactory, RulesReloader? rules, ScheduleServices schedule)
    {
        Schedule = schedule;
        _database = database;
        Coordination = database.CreateCoordinationStore();
        Rules = rules;
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

    /// <summary>Mailbox leases and job runs, shared with every worker of the database.</summary>
    public ICoordinationStore Coordination { get; }
    public IngestService Ingest { get; }
    /// <summary>SMTP when configured (MailTicketing:Smtp), otherwise the pickup folder.</summary>
    public IOutboxSender Sender { get; }
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>SLA policies and the scheduled sweeps (SLA notices, follow-ups, auto-close).</summary>
    public ScheduleServices Schedule { get; }

    /// <summary>The routing rules in force; null when no rules file is configured (one queue per mailbox).</summary>
    public RulesReloader? Rules { get; }

    public static async Task<WorkerServices> CreateAsync(WorkerOptions options, ILoggerFactory loggerFactory, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = WorkerOptionsValidator.Validate(options);
        if (errors.Count > 0)
        {
            throw new WorkerConfigurationException("The configuration is not valid:\n  " + string.Join("\n  ", errors));
        }

        // Rules and the schedule first: configuration that cannot be used stops the start before anything is opened.
        var rules = LoadRules(options, loggerFactory, clock);
        var (catalog, followUpSchedule) = LoadSchedule(options);
        Directory.CreateDirectory(options.DataDirectory);
        // WAL with synchronous=NORMAL can lose the last commits on a power loss. Sources whose
        // "read" lives in our database re-read them; a message moved out of its IMAP folder after
        // the commit would be gone, so moving costs one fsync per batch (FULL).
        var synchronous = options.Mailboxes.Any(m => m.Imap?.Processed == ImapProcessedAction.Move) ? SqliteSynchronous.Full : SqliteSynchronous.Normal;
        var database = await StoreFactory.OpenAsync(options, synchronous, clock, cancellationToken);
        var store = database.CreateTicketStore();
        var ticketing = ToTicketingOptions(options);
        var signer = new MessageIdSigner(SigningKey.Load(options));
        IRoutingPolicy routing = rules is null ? new MailboxRoutingPolicy() : new RulesRoutingPolicy(() => rules.Current);
        var ingest = new IngestService(store, ticketing, routing, signer, clock);
        IOutboxSender sender = options.Smtp is { } smtp
            ? new SmtpOutboxSender(store, smtp, clock, loggerFactory.CreateLogger<SmtpOutboxSender>())
            : new PickupFolderSender(store, options.PickupPath, clock);
        var scheduleStore = database.CreateScheduleStore();
        var schedule = new ScheduleServices(
            catalog,
            scheduleStore,
            new SlaSweep(scheduleStore, catalog, ticketing, signer, WorkerIdentity.Current.Owner),
            new FollowUpSweep(scheduleStore, followUpSchedule, ticketing, signer, WorkerIdentity.Current.Owner));
        return new WorkerServices(options, ticketing, database, store, ingest, sender, loggerFactory, rules, schedule);
    }

    private static (SlaCatalog Catalog, FollowUpSchedule FollowUps) LoadSchedule(WorkerOptions options)
    {
        SlaCatalog.TryCreate(options.Sla ?? SlaOptions.Default(), out var catalog, out var slaErrors);
        var errors = slaErrors.ToList();
        if (catalog is not null)
        {
            FollowUpSchedule.TryCreate(options.FollowUps, catalog.Calendars, out var followUps, out var followUpErrors);
            errors.AddRange(followUpErrors);
            if (followUps is not null && errors.Count == 0)
            {
                return (catalog, followUps);
            }
        }

        throw new WorkerConfigurationException("The SLA or follow-up configuration is not valid:\n  " + string.Join("\n  ", errors));
    }

    private static RulesReloader? LoadRules(WorkerOptions options, ILoggerFactory loggerFactory, TimeProvider clock)
    {
        if (options.RulesPath is not { } path)
        {
            return null;
        }

        return RulesReloader.Create(path, loggerFactory.CreateLogger("MailTicketing.Rules"), clock, out var errors)
            ?? throw new WorkerConfigurationException($"The rules file (MailTicketing:RulesFile) cannot be used:\n  {string.Join("\n  ", errors)}");
    }

    public IEnumerable<MaildirSource> MaildirSources() =>
        Options.Mailboxes.Where(m => m.Maildir is not null).Select(m => new MaildirSource(m.Name, m.Maildir!));

    public ValueTask DisposeAsync()
    {
        Rules?.Dispose();
        return _database.DisposeAsync();
    }

    /// <summary>For `using` in synchronous code: waits for the database to stop its checkpointer.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The domain's view of the options: mailbox names and addresses lower-case, prefixes upper-case.</summary>
    internal static TicketingOptions ToTicketingOptions(WorkerOptions options) => new()
    {
        CompanyName = options.CompanyName,
        SameIdentifierWindow = options.SameIdentifierWindow,
        NearDuplicateWindow = options.NearDuplicateWindow,
        MaxAcknowledgementsPerSenderPerHour = options.MaxAcknowledgementsPerSenderPerHour,
        MaxMessageBytes = options.MaxMessageBytes,
        OwnAddresses = options.OwnAddresses,
        StaffDomains = options.StaffDomains,
        Mailboxes = options.Mailboxes
            .Select(m => new MailboxDefinition(m.Name.ToLowerInvariant(), m.Address.ToLowerInvariant(), m.TicketPrefix.ToUpperInvariant(), m.ResponseTime, m.DisplayName ?? options.CompanyName))
            .ToList(),
    };
}
