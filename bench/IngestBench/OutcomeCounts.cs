using System.Diagnostics;
using MailTicketing.Tickets.Ingestion;

namespace MailTicketing.Bench.Ingest;

/// <summary>What one ingestion run did, message by message: outcomes, acknowledgements, failures, and each message's time.</summary>
internal sealed class OutcomeCounts
{
    private readonly Dictionary<IngestOutcome, int> _outcomes = [];
    private readonly List<double> _milliseconds = [];

    public int Messages { get; private set; }

    public int Acknowledged { get; private set; }

    public List<string> Failures { get; } = [];

    public IReadOnlyDictionary<IngestOutcome, int> Outcomes => _outcomes;

    public void Add(IngestResult result, long startedTimestamp)
    {
        Messages++;
        _outcomes[result.Outcome] = _outcomes.GetValueOrDefault(result.Outcome) + 1;
        Acknowledged += result.AcknowledgementQueued ? 1 : 0;
        _milliseconds.Add(Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds);
    }

    public void AddFailure(string key, Exception e)
    {
        Messages++;
        if (Failures.Count < 20)
        {
            Failures.Add($"{key}: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Adds another run's counts and times to these.</summary>
    public void Add(OutcomeCounts other)
    {
        Messages += other.Messages;
        Acknowledged += other.Acknowledged;
        Failures.AddRange(other.Failures);
        _milliseconds.AddRange(other._milliseconds);
        foreach (var (outcome, count) in other._outcomes)
        {
            _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + count;
        }
    }

    public int Count(IngestOutcome outcome) => _outcomes.GetValueOrDefault(outcome);

    /// <summary>The time per message at a percentile (0-100), in milliseconds.</summary>
    public double Percentile(double percent)
    {
        if (_milliseconds.Count == 0)
        {
            return 0;
        }

        var sorted = _milliseconds.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public string Summary() => string.Join(", ", _outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value:N0}"))
        + $"; acknowledgements {Acknowledged:N0}" + (Failures.Count > 0 ? $"; FAILED {Failures.Count}" : "");
}
