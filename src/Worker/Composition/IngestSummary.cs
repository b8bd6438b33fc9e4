using MailTicketing.Tickets.Ingestion;

namespace MailTicketing.Worker.Composition;

/// <summary>Counts of what ingestion did, per mailbox, for the closing table of `run` and `import`.</summary>
public sealed class IngestSummary
{
    private readonly Dictionary<(string Mailbox, IngestOutcome Outcome), int> _counts = [];
    private readonly Dictionary<string, int> _acknowledged = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _errors = new(StringComparer.OrdinalIgnoreCase);

    public int Delivered { get; set; }

    /// <summary>Scheduled actions taken this pass: SLA notices, follow-ups, auto-closes.</summary>
    public int Scheduled { get; set; }

    public IEnumerable<string> Mailboxes => _counts.Keys.Select(k => k.Mailbox).Concat(_errors.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);

    public int Total => _counts.Values.Sum() + _errors.Values.Sum();

    public void Add(string mailbox, IngestResult result)
    {
        var key = (mailbox, result.Outcome);
        _counts[key] = _counts.GetValueOrDefault(key) + 1;
        if (result.AcknowledgementQueued)
        {
            _acknowledged[mailbox] = _acknowledged.GetValueOrDefault(mailbox) + 1;
        }
    }

    public void AddError(string mailbox) => _errors[mailbox] = _errors.GetValueOrDefault(mailbox) + 1;

    public int Count(string mailbox, IngestOutcome outcome) => _counts.GetValueOrDefault((mailbox, outcome));

    public int Count(IngestOutcome outcome) => _counts.Where(c => c.Key.Outcome == outcome).Sum(c => c.Value);

    public int Acknowledged(string mailbox) => _acknowledged.GetValueOrDefault(mailbox);

    public int Errors(string mailbox) => _errors.GetValueOrDefault(mailbox);

    public int Errors() => _errors.Values.Sum();
}
