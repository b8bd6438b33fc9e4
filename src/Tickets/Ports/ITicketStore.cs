using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.Ports;

/// <summary>
/// Durable storage for tickets. Ingestion works in a <see cref="ITicketSession"/>: one write
/// transaction in which it looks up, decides and writes, so two workers never make two
/// tickets of one message. Everything else here is a short read or a single update.
/// </summary>
public interface ITicketStore
{
    /// <summary>Starts a write transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: serialised by row locks).</summary>
    Task<ITicketSession> BeginAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<TicketRecord>> ListTicketsAsync(TicketQuery query, CancellationToken cancellationToken);

    Task<TicketDetails?> GetTicketAsync(TicketNumber number, CancellationToken cancellationToken);

    /// <summary>Every ticket with its details, in number order, for export and audit.</summary>
    IAsyncEnumerable<TicketDetails> ExportAsync(CancellationToken cancellationToken);

    /// <summary>Changes a ticket's status and records who did it; false when there is no such ticket.</summary>
    Task<bool> SetStatusAsync(TicketNumber number, TicketStatus status, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Checks and encodes bytes for <see cref="ITicketSession.PutBlobAsync(PreparedBlob)"/> outside any
    /// transaction; safe to call from any thread. Throws when <paramref name="content"/> does not hash to <paramref name="sha256"/>.
    /// </summary>
    PreparedBlob PrepareBlob(string sha256, byte[] content, bool compress) => new(sha256, content, compress);

    /// <summary>
    /// As <see cref="PrepareBlob(string, byte[], bool)"/> for bytes whose hash the caller does not
    /// have yet: the store hashes them (<see cref="PreparedBlob.Sha256"/>), one pass instead of two.
    /// </summary>
    PreparedBlob PrepareBlob(byte[] content, bool compress) =>
        new(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), content, compress);

    /// <summary>Reads a blob (raw message, attachment) by hash; null when absent. The stream is decompressed.</summary>
    Task<Stream?> OpenBlobAsync(string sha256, CancellationToken cancellationToken);

    Task<IReadOnlyList<QuarantineEntry>> ListQuarantineAsync(bool includeReplayed, CancellationToken cancellationToken);

    Task<QuarantineEntry?> GetQuarantineAsync(long id, CancellationToken cancellationToken);

    /// <summary>Outbox rows due for sending at <paramref name="now"/>, oldest first, as they are (for display; senders lease).</summary>
    Task<IReadOnlyList<OutboxEntry>> GetDueOutboxAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Outbox rows due for sending at <paramref name="now"/>, oldest first, leased to
    /// <paramref name="owner"/> for <paramref name="lease"/>: no other worker gets them until
    /// they are marked or the lease runs out (the holder died).
    /// </summary>
    Task<IReadOnlyList<OutboxEntry>> LeaseDueOutboxAsync(string owner, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Gives up the live leases on Pending rows whose owner <paramref name="isDead"/> says is gone
    /// (a worker killed mid-pass, seen from its restarted successor), so they are sent now rather
    /// than when the lease runs out. Returns how many rows were released.
    /// </summary>
    Task<int> ReleaseDeadOutboxLeasesAsync(Func<string, bool> isDead, DateTimeOffset now, CancellationToken cancellationToken);

    Task MarkOutboxSentAsync(long outboxId, DateTimeOffset at, string detail, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt: retried at <paramref name="retryAt"/>, or failed for good when it is null.</summary>
    Task MarkOutboxAttemptFailedAsync(long outboxId, DateTimeOffset at, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>How far an IMAP folder has been read; null before its first commit.</summary>
    Task<ImapCheckpoint?> GetImapCheckpointAsync(string source, CancellationToken cancellationToken);
}
