using System.Security.Cryptography;
using MailTicketing.Fuzz.Tests.Support;
using MailTicketing.Tickets.Ingestion;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Fuzz.Tests.Targets;

/// <summary>
/// The whole ingestion, composed as the worker composes it over a fresh SQLite folder. After
/// each input the database must account for it exactly once: a ticket message, a duplicate
/// or second mailbox of a known message with its recorded reason, or a quarantine entry with
/// a reason; and its raw bytes must read back from the blob store unchanged.
/// </summary>
internal sealed class PipelineTarget : Engine.IFuzzTarget, IAsyncDisposable
{
    private static readonly string[] Mailboxes = ["support", "security", "compliance"];

    private readonly TicketingHarness _harness;
    private readonly StoreProbe _probe;
    private readonly Dictionary<IngestOutcome, int> _outcomes = [];
    private readonly Dictionary<string, int> _reasons = [];
    private readonly IReadOnlyList<string> _tables;
    private long _inputs;

    private PipelineTarget(TicketingHarness harness)
    {
        _harness = harness;
        _probe = new StoreProbe(harness.Services.Options.DatabasePath);
        _tables = _probe.Tables();
    }

    public string Name => "pipeline";

    public string Outcomes =>
        string.Join(", ", _outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}"))
        + (_reasons.Count > 0 ? " (" + string.Join(", ", _reasons.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}")) + ")" : "");

    /// <summary>The worker under test, for the hostile tests' own questions.</summary>
    public TicketingHarness Harness => _harness;

    public StoreProbe Probe => _probe;

    /// <summary>What ingestion said about the last input.</summary>
    public IngestResult? LastResult { get; private set; }

    public static async Task<PipelineTarget> StartAsync(Action<Worker.Configuration.WorkerOptions>? configure = null) =>
        new(await TicketingHarness.StartAsync(configure));

    public string? Run(byte[] input, long iteration)
    {
        var mailbox = Mailboxes[iteration % Mailboxes.Length];
        var key = $"fuzz-{iteration}";
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var result = _harness.IngestAsync(input, mailbox, key).GetAwaiter().GetResult();
        LastResult = result;
        _inputs++;
        _outcomes[result.Outcome] = _outcomes.GetValueOrDefault(result.Outcome) + 1;
        return Account(input, mailbox, key, result);
    }

    /// <summary>Checks the database for this input; null when it is accounted for exactly once.</summary>
    private string? Account(byte[] input, string mailbox, string key, IngestResult result)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(input));
        var recorded = _probe.Single<string>("SELECT outcome FROM source_items WHERE source = @Source AND key = @Key", new { Source = TicketingHarness.Source, Key = key });
        if (recorded is null)
        {
            return $"lost: {result.Outcome} but no source item recorded";
        }

        var quarantined = _probe.Single<(string Reason, string Detail, string Sha)?>(
            "SELECT reason, detail, raw_sha256 FROM quarantine WHERE source = @Source AND source_key = @Key", new { Source = TicketingHarness.Source, Key = key });
        var delivered = _probe.Count(
            "SELECT count(*) FROM deliveries d JOIN tickets t ON t.id = d.ticket_id WHERE d.mailbox = @Mailbox AND d.raw_sha256 = @Sha", new { Mailbox = mailbox, Sha = sha256 });
        switch (result.Outcome)
        {
            case IngestOutcome.Quarantined:
                if (quarantined is { } row)
                {
                    _reasons[row.Reason] = _reasons.GetValueOrDefault(row.Reason) + 1;
                }

                if (quarantined is not { } q || q.Reason.Length == 0 || q.Detail.Length == 0 || q.Sha != sha256)
                {
                    return $"unaccounted: quarantined without a quarantine row with reason and hash ({result.Detail})";
                }

                break;
            case IngestOutcome.NewTicket or IngestOutcome.AddedToTicket or IngestOutcome.AboutOurMessage:
                var messages = _probe.Count(
                    "SELECT count(*) FROM messages WHERE raw_sha256 = @Sha AND direction = 'Inbound' AND reason <> ''", new { Sha = sha256 });
                if (messages == 0 || delivered != 1 || quarantined is not null)
                {
                    return $"unaccounted: {result.Outcome} with {messages} ticket messages, {delivered} deliveries, quarantined {quarantined is not null}";
                }

                break;
            case IngestOutcome.Duplicate or IngestOutcome.AlsoReceivedInMailbox:
                if (delivered != 1 || quarantined is not null || result.Detail.Length == 0)
                {
                    return $"unaccounted: {result.Outcome} with {delivered} deliveries in {mailbox}, quarantined {quarantined is not null}";
                }

                break;
            case IngestOutcome.Ignored:
                if (quarantined is not null || result.Detail.Length == 0)
                {
                    return "unaccounted: ignored without a reason";
                }

                break;
            default:
                return $"unaccounted: unexpected outcome {result.Outcome} for a new source item";
        }

        if (!recorded.StartsWith(result.Outcome.ToString(), StringComparison.Ordinal))
        {
            return $"unaccounted: source item says '{recorded}', ingestion said {result.Outcome}";
        }

        var stored = _harness.ReadBlobAsync(sha256).GetAwaiter().GetResult();
        return stored.AsSpan().SequenceEqual(input) ? null : $"raw: the stored raw bytes differ ({stored.Length} of {input.Length} bytes)";
    }

    /// <summary>After the run: one source item per input, no table gone, and the file passes SQLite's own check.</summary>
    public string? Audit()
    {
        var items = _probe.Count("SELECT count(*) FROM source_items WHERE source = @Source", new { Source = TicketingHarness.Source });
        if (items != _inputs)
        {
            return $"{items} source items for {_inputs} inputs";
        }

        var tables = _probe.Tables();
        if (!tables.SequenceEqual(_tables))
        {
            return $"tables changed: {string.Join(", ", _tables)} -> {string.Join(", ", tables)}";
        }

        var check = _probe.IntegrityCheck();
        return check == "ok" ? null : "integrity check: " + check;
    }

    public async ValueTask DisposeAsync()
    {
        _probe.Dispose();
        await _harness.DisposeAsync();
    }
}
