using MailTicketing.Imap;
using MailTicketing.Tickets.Ports;
using MailTicketing.Worker.Configuration;
using MailTicketing.Worker.Sources;
using Microsoft.Extensions.Logging;

namespace MailTicketing.Worker.Composition;

/// <summary>
/// The IMAP mailboxes of one `run`. With --once every folder is drained in turn; otherwise each
/// gets a loop on its own connection: drain, wait for news (IDLE, else NOOP polling), drain
/// again, reconnecting with backoff after a lost connection. Ingestion from the loops is
/// serialised: one writer at a time is what SQLite wants anyway.
/// </summary>
public sealed class ImapIngestion : IAsyncDisposable
{
    /// <summary>A folder is drained at least this often even when IDLE reports nothing (a missed notification costs minutes, not forever).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);

    private readonly IReadOnlyList<ImapSource> _sources;
    private readonly IngestRunner _runner;
    private readonly ITicketStore _store;
    private readonly TimeSpan _pollInterval;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<Task> _loops = [];
    private readonly CancellationTokenSource _stop = new();
    private CancellationTokenSource? _linked;

    public ImapIngestion(IReadOnlyList<ImapSource> sources, IngestRunner runner, ITicketStore store, TimeSpan pollInterval, ILogger logger)
    {
        _sources = sources;
        _runner = runner;
        _store = store;
        _pollInterval = pollInterval;
        _logger = logger;
    }

    public IReadOnlyList<ImapSource> Sources => _sources;

    /// <summary>Backoff between reconnects; <see cref="DrainAllAsync"/> gives up after its MaxAttempts.</summary>
    public ImapReconnectPolicy Policy { get; init; } = new() { InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromMinutes(2), MaxAttempts = 6 };

    public static ImapIngestion Create(WorkerOptions options, ITicketStore store, IngestRunner runner, TimeProvider clock, ILogger logger) =>
        new(
            [.. options.Mailboxes.Where(m => m.Imap is not null).Select(m => new ImapSource(m.Name, m.Imap!, Path.Combine(options.DataDirectory, "spool", "imap-" + m.Name), clock, logger))],
            runner,
            store,
            options.PollInterval,
            logger);

    /// <summary>
    /// Drains every folder once, reconnecting on transient errors up to the policy's attempts.
    /// A folder that still fails counts as an error of its mailbox in <paramref name="summary"/>.
    /// </summary>
    public async Task DrainAllAsync(IngestSummary summary, CancellationToken cancellationToken)
    {
        foreach (var source in _sources)
        {
            try
            {
                await Policy.ExecuteAsync(
                    ct => source.DrainAsync(_runner, _store, summary, ct),
                    (e, attempt, delay) => ImapLog.Reconnecting(_logger, source.Mailbox, source.SourceName, Describe(e), attempt, delay),
                    cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                ImapLog.Failed(_logger, e, source.Mailbox, source.SourceName, TimeSpan.Zero);
                summary.AddError(source.Mailbox);
            }
            finally
            {
                await source.DisposeAsync();
            }
        }
    }

    /// <summary>Starts one loop per folder; they end when <paramref name="cancellationToken"/> is cancelled or this is disposed.</summary>
    public void Start(CancellationToken cancellationToken)
    {
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        var stop = _linked.Token;
        foreach (var source in _sources)
        {
            _loops.Add(Task.Run(() => LoopAsync(source, stop), CancellationToken.None));
        }
    }

    /// <summary>Stops the loops, waits for them and closes the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        foreach (var source in _sources)
        {
            await source.DisposeAsync();
        }

        _gate.Dispose();
        _stop.Dispose();
        _linked?.Dispose();
    }

    private async Task LoopAsync(ImapSource source, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _gate.WaitAsync(cancellationToken);
                try
                {
                    await source.DrainAsync(_runner, _store, new IngestSummary(), cancellationToken);
                }
                finally
                {
                    _gate.Release();
                }

                failures = 0;
                await source.WaitForChangesAsync(MaxWait, _pollInterval, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                // A lost connection is retried soon; anything else (refused login, missing folder,
                // a database error) waits longer, so a misconfiguration does not hammer the server.
                var delay = ImapReconnectPolicy.IsTransient(e) ? Policy.GetDelay(failures) : Max(Policy.GetDelay(failures), TimeSpan.FromMinutes(1));
                if (ImapReconnectPolicy.IsTransient(e))
                {
                    ImapLog.Reconnecting(_logger, source.Mailbox, source.SourceName, Describe(e), failures, delay);
                }
                else
                {
                    ImapLog.Failed(_logger, e, source.Mailbox, source.SourceName, delay);
                }

                try
                {
                    await Task.Delay(delay, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message}";
}
