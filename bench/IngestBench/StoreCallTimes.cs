using System.Diagnostics;

namespace MailTicketing.Bench.Ingest;

/// <summary>Time spent in each store operation (ITicketSession method), summed over a run, with call counts.</summary>
internal sealed class StoreCallTimes
{
    private readonly Dictionary<string, (long Ticks, int Calls)> _calls = [];

    public IEnumerable<(string Operation, double Seconds, int Calls)> Operations =>
        _calls.Select(c => (c.Key, (double)c.Value.Ticks / Stopwatch.Frequency, c.Value.Calls)).OrderByDescending(c => c.Item2);

    public (double Seconds, int Calls) Get(string operation) =>
        _calls.TryGetValue(operation, out var call) ? ((double)call.Ticks / Stopwatch.Frequency, call.Calls) : (0, 0);

    public double TotalSeconds => (double)_calls.Values.Sum(c => c.Ticks) / Stopwatch.Frequency;

    public async Task<T> TimeAsync<T>(string operation, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await call();
        }
        finally
        {
            Add(operation, started);
        }
    }

    public async Task TimeAsync(string operation, Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await call();
        }
        finally
        {
            Add(operation, started);
        }
    }

    private void Add(string operation, long started)
    {
        var elapsed = Stopwatch.GetTimestamp() - started;
        var (ticks, calls) = _calls.GetValueOrDefault(operation);
        _calls[operation] = (ticks + elapsed, calls + 1);
    }
}
