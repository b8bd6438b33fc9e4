using MailTicketing.Imap;
using MailTicketing.Tickets.Ports;
using MailTicketing.Worker.Configuration;
using MailTicketing.Worker.Sources;
using Microsoft.Extensions.Logging;

namespace MailTicketing.Worker.Composition;

/// <summary>
/// The IMAP mailboxes of one process, one connection each, kept open between polls. With
/// `run --once` every folder is drained in turn (<see cref="DrainAllAsync"/>); under the
/// scheduler each mailbox's poll job drains its folder (<see cref="DrainAsync"/>), asks for its
/// backlog, and waits for news with IDLE (<see cref="ImapSource.WaitForChangesAsync"/>). A
/// failed call drops the connection; the next one reconnects.
/// </summary>
public sealed class ImapIngestion : IAsyncDisposable
{
    private readonly IReadOnlyList<ImapSource> _sources;
    private readonly IngestRunner _runner;
    private readonly ITicketStore _store;
    private readonly ILogger _logger;

    public ImapIngestion(IReadOnlyList<ImapSource> sources, IngestRunner runner, ITicketStore store, ILogger logger)
    {
        _sources = sources;
        _runner = runner;
        _store = store;
        _logger = logger;
    }

    public IReadOnlyList<ImapSource> Sources => _sources;

    /// <summary>Backoff between reconnects: <see cref="DrainAllAsync"/> gives up after its MaxAttempts; a poll job waits this long before its next attempt.</summary>
    public ImapReconnectPolicy Policy { get; init; } = new() { InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromMinutes(2), MaxAttempts = 6 };

    public static ImapIngestion Create(WorkerOptions options, ITicketStore store, IngestRunner runner, TimeProvider clock, ILogger logger) =>
        new(
            [.. options.Mailboxes.Where(m => m.Imap is not null).Select(m => new ImapSource(m.Name, m.Imap!, Path.Combine(options.DataDirectory, "spool", "imap-" + m.Name), clock, logger))],
            runner,
            store,
            logger);

    /// <summary>The source reading <paramref name="mailbox"/>; null when it is not an IMAP mailbox.</summary>
    public ImapSource? Find(string mailbox) =>
        _sources.FirstOrDefault(s => string.Equals(s.Mailbox, mailbox, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Drains every folder once, reconnecting on transient errors up to the policy's attempts.
    /// A folder that still fails counts as an error of its mailbox in <paramref name="summary"/>.
    /// Returns, per mailbox, what made it fail, or null when it was drained.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Exception?>> DrainAllAsync(IngestSummary summary, CancellationToken cancellationToken, IReadOnlySet<string>? only = null)
    {
        var outcomes = new Dictionary<string, Exception?>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in _sources.Where(s => only is null || only.Contains(s.Mailbox)))
        {
            try
            {
                await Policy.ExecuteAsync(
                    ct => DrainAsync(source, summary, ct),
                    (e, attempt, delay) => ImapLog.Reconnecting(_logger, source.Mailbox, source.SourceName, Describe(e), attempt, delay),
                    cancellationToken);
                outcomes[source.Mailbox] = null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                ImapLog.Failed(_logger, e, source.Mailbox, source.SourceName, TimeSpan.Zero);
                summary.AddError(source.Mailbox);
                outcomes[source.Mailbox] = e;
            }
            finally
            {
                await source.DisposeAsync();
            }
        }

        return outcomes;
    }

    /// <summary>One pass over the folder, once (no retry): everything above the checkpoint is ingested. Returns how many messages were fetched.</summary>
    public Task<int> DrainAsync(ImapSource source, IngestSummary summary, CancellationToken cancellationToken) =>
        source.DrainAsync(_runner, _store, summary, cancellationToken);

    /// <summary>Messages of the folder above its checkpoint: the mailbox's backlog.</summary>
    public Task<int> BacklogAsync(ImapSource source, CancellationToken cancellationToken) =>
        source.CountAboveCheckpointAsync(_store, cancellationToken);

    /// <summary>
    /// How long to wait before polling a mailbox again after <paramref name="failures"/> failures
    /// in a row: the policy's backoff when an IMAP connection was lost
    /// (<paramref name="connectionLost"/>, see <see cref="ImapReconnectPolicy.IsTransient"/>); at
    /// least a minute for anything else (refused login, missing folder or Maildir), so a
    /// misconfiguration does not hammer the server.
    /// </summary>
    public TimeSpan RetryDelay(bool connectionLost, int failures)
    {
        var delay = Policy.GetDelay(failures);
        return connectionLost || delay >= TimeSpan.FromMinutes(1) ? delay : TimeSpan.FromMinutes(1);
    }

    /// <summary>Logs out and closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources)
        {
            await source.DisposeAsync();
        }
    }

    internal static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message}";
}
