using MailTicketing.Mime;
using MailTicketing.Tickets.Ingestion;
using MailTicketing.Tickets.Model;
using MailTicketing.Worker.Composition;
using MailTicketing.Worker.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailTicketing.Worker.Tests.Support;

/// <summary>
/// The worker as the command line composes it (SQLite file, signing key, pickup folder) in a
/// fresh temporary data folder, with a hand-moved clock. Dispose it to delete the folder.
/// </summary>
internal sealed class TicketingHarness : IAsyncDisposable
{
    public const string Source = "test";

    /// <summary>A Monday morning, on a whole second.</summary>
    public static readonly DateTimeOffset Start = new(2024, 3, 18, 9, 0, 0, TimeSpan.Zero);

    private readonly Action<WorkerOptions>? _configure;
    private int _sourceKeys;

    private TicketingHarness(string dataDirectory, ManualClock clock, Action<WorkerOptions>? configure)
    {
        DataDirectory = dataDirectory;
        Clock = clock;
        _configure = configure;
    }

    public string DataDirectory { get; }

    public ManualClock Clock { get; }

    public WorkerServices Services { get; private set; } = null!;

    public static async Task<TicketingHarness> StartAsync(Action<WorkerOptions>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mt-ingest-" + Guid.NewGuid().ToString("N"));
        var harness = new TicketingHarness(folder, new ManualClock(Start), configure);
        harness.Services = await harness.CreateServicesAsync(configure);
        return harness;
    }

    /// <summary>A second composition on the same data folder (a restart with new settings); the first is disposed.</summary>
    public async Task RestartAsync(Action<WorkerOptions> configure)
    {
        Services.Dispose();
        Services = await CreateServicesAsync(options =>
        {
            _configure?.Invoke(options);
            configure(options);
        });
    }

    /// <summary>Ingests the mail at a mailbox under a new source key; an unset Date is the clock's now.</summary>
    public Task<IngestResult> IngestAsync(TestMail mail, string mailbox = "support") =>
        IngestAsync(mail.ToBytes(Clock.GetUtcNow()), mailbox);

    public Task<IngestResult> IngestAsync(byte[] raw, string mailbox = "support", string? sourceKey = null) =>
        Services.Ingest.IngestAsync(
            new IncomingMail(mailbox, Source, sourceKey ?? $"key-{Interlocked.Increment(ref _sourceKeys)}", () => new MemoryStream(raw, writable: false)),
            CancellationToken.None);

    /// <summary>Ingests a mail that must open a ticket, and returns its number.</summary>
    public async Task<TicketNumber> NewTicketAsync(TestMail mail, string mailbox = "support")
    {
        var result = await IngestAsync(mail, mailbox);
        Assert.Equal(IngestOutcome.NewTicket, result.Outcome);
        return result.Ticket!.Value;
    }

    public async Task<TicketDetails> TicketAsync(string number) =>
        await Services.Store.GetTicketAsync(TicketNumber.Parse(number), CancellationToken.None)
            ?? throw new InvalidOperationException($"There is no ticket {number}.");

    public async Task<IReadOnlyList<TicketDetails>> ExportAsync()
    {
        var tickets = new List<TicketDetails>();
        await foreach (var ticket in Services.Store.ExportAsync(CancellationToken.None))
        {
            tickets.Add(ticket);
        }

        return tickets;
    }

    /// <summary>Every outbox row not yet sent, whenever it is due.</summary>
    public Task<IReadOnlyList<OutboxEntry>> PendingOutboxAsync() =>
        Services.Store.GetDueOutboxAsync(Start.AddYears(50), 1000, CancellationToken.None);

    /// <summary>The one acknowledgement queued for the ticket, parsed back from its bytes.</summary>
    public async Task<MimeMessage> AcknowledgementAsync(TicketNumber number)
    {
        var entry = Assert.Single(await PendingOutboxAsync(), e => e.TicketNumber == number);
        return MimeMessage.Parse(entry.Raw);
    }

    public async Task<QuarantineEntry> SingleQuarantinedAsync() =>
        Assert.Single(await Services.Store.ListQuarantineAsync(includeReplayed: false, CancellationToken.None));

    public async Task<byte[]> ReadBlobAsync(string sha256)
    {
        await using var blob = await Services.Store.OpenBlobAsync(sha256, CancellationToken.None)
            ?? throw new InvalidOperationException($"There is no blob {sha256}.");
        using var copy = new MemoryStream();
        await blob.CopyToAsync(copy);
        return copy.ToArray();
    }

    public ValueTask DisposeAsync()
    {
        Services.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may still be closing; the OS temp folder is cleaned anyway.
        }

        return ValueTask.CompletedTask;
    }

    private async Task<WorkerServices> CreateServicesAsync(Action<WorkerOptions>? configure)
    {
        var mailboxes = WorkerOptions.DefaultMailboxes();
        foreach (var mailbox in mailboxes)
        {
            mailbox.Maildir = null;
        }

        var options = new WorkerOptions { DataDirectory = DataDirectory, Mailboxes = mailboxes };
        configure?.Invoke(options);
        return await WorkerServices.CreateAsync(options, NullLoggerFactory.Instance, Clock, CancellationToken.None);
    }
}
