using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Ports;

namespace MailTicketing.Bench.Ingest;

/// <summary>
/// The real store with a stopwatch around every session call, so a run can say how much of a
/// message's time is the store (SQL, blob writes, commit) and how much is ingestion's own code.
/// Only what ingestion calls is timed; the rest passes straight through.
/// </summary>
internal sealed class TimedTicketStore(ITicketStore inner, StoreCallTimes times) : ITicketStore
{
    public async Task<ITicketSession> BeginAsync(CancellationToken cancellationToken) =>
        new TimedTicketSession(await times.TimeAsync("begin (connection, BEGIN IMMEDIATE)", () => inner.BeginAsync(cancellationToken)), times);

    public Task<IReadOnlyList<TicketRecord>> ListTicketsAsync(TicketQuery query, CancellationToken cancellationToken) => inner.ListTicketsAsync(query, cancellationToken);

    public Task<TicketDetails?> GetTicketAsync(TicketNumber number, CancellationToken cancellationToken) => inner.GetTicketAsync(number, cancellationToken);

    public IAsyncEnumerable<TicketDetails> ExportAsync(CancellationToken cancellationToken) => inner.ExportAsync(cancellationToken);

    public Task<bool> SetStatusAsync(TicketNumber number, TicketStatus status, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.SetStatusAsync(number, status, actor, at, cancellationToken);

    // Called ahead of the session, beside the writer: its time is not a store call's.
    public PreparedBlob PrepareBlob(string sha256, byte[] content, bool compress) => inner.PrepareBlob(sha256, content, compress);

    public PreparedBlob PrepareBlob(byte[] content, bool compress) => inner.PrepareBlob(content, compress);

    public Task<ImapCheckpoint?> GetImapCheckpointAsync(string source, CancellationToken cancellationToken) => inner.GetImapCheckpointAsync(source, cancellationToken);

    public Task<Stream?> OpenBlobAsync(string sha256, CancellationToken cancellationToken) => inner.OpenBlobAsync(sha256, cancellationToken);

    public Task<IReadOnlyList<QuarantineEntry>> ListQuarantineAsync(bool includeReplayed, CancellationToken cancellationToken) =>
        inner.ListQuarantineAsync(includeReplayed, cancellationToken);

    public Task<QuarantineEntry?> GetQuarantineAsync(long id, CancellationToken cancellationToken) => inner.GetQuarantineAsync(id, cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> GetDueOutboxAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        inner.GetDueOutboxAsync(now, limit, cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> LeaseDueOutboxAsync(string owner, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken) =>
        inner.LeaseDueOutboxAsync(owner, now, lease, limit, cancellationToken);

    public Task<int> ReleaseDeadOutboxLeasesAsync(Func<string, bool> isDead, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.ReleaseDeadOutboxLeasesAsync(isDead, now, cancellationToken);

    public Task MarkOutboxSentAsync(long outboxId, DateTimeOffset at, string detail, CancellationToken cancellationToken) =>
        inner.MarkOutboxSentAsync(outboxId, at, detail, cancellationToken);

    public Task MarkOutboxAttemptFailedAsync(long outboxId, DateTimeOffset at, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        inner.MarkOutboxAttemptFailedAsync(outboxId, at, error, retryAt, cancellationToken);
}
