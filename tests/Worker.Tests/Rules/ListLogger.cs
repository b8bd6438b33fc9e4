using Microsoft.Extensions.Logging;

namespace MailTicketing.Worker.Tests.Rules;

/// <summary>Keeps what was logged, so a test can check that an operator would see it.</summary>
internal sealed class ListLogger : ILogger
{
    private readonly List<(LogLevel Level, string EventName, string Message)> _entries = [];

    public IReadOnlyList<(LogLevel Level, string EventName, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add((logLevel, eventId.Name ?? "", formatter(state, exception)));
        }
    }
}
