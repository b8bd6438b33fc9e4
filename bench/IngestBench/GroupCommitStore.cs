using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Ports;

namespace MailTicketing.Bench.Ingest;

/// <summary>
/// A what-if, for the report only: ingestion runs unchanged, but its sessions share one real
/// transaction that commits every <c>batch</c> messages instead of every message. The SQL is the
/// same; only the commits (WAL frames written, checkpoints) change, so the difference to the
/// normal run is what group commit would save. Not exactly-once as it stands: a crash loses the
/// open batch's work and a failing message would roll back its neighbours; a real version would
/// retry the batch one message at a time.
/// </summary>
internal sealed class GroupCommitStore(ITicketStore inner, int batch) : ITicketStore
{
    private ITicketSession? _current;
    private int _pending;

    public async Task<ITicketSession> BeginAsync(CancellationToken cancellationToken)
    {
        _current ??= await inner.BeginAsync(cancellationToken);
        return new Session(this, _current);
    }

    /// <summary>Commits the open batch.</summary>
    public async Task FlushAsync()
    {
        if (_current is { } session)
        {
            await session.CommitAsync();
            await session.DisposeAsync();
            _current = null;
            _pending = 0;
        }
    }

    public Task<IReadOnlyList<TicketRecord>> ListTicketsAsync(TicketQuery query, CancellationToken cancellationToken) => inner.ListTicketsAsync(query, cancellationToken);

    public Task<TicketDetails?> GetTicketAsync(TicketNumber number, CancellationToken cancellationToken) => inner.GetTicketAsync(number, cancellationToken);

    public IAsyncEnumerable<TicketDetails> ExportAsync(CancellationToken cancellationToken) => inner.ExportAsync(cancellationToken);

    public Task<bool> SetStatusAsync(TicketNumber number, TicketStatus status, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.SetStatusAsync(number, status, actor, at, cancellationToken);

    public Task<Stream?> OpenBlobAsync(string sha256, CancellationToken cancellationToken) => inner.OpenBlobAsync(sha256, cancellationToken);

    public Task<IReadOnlyList<QuarantineEntry>> ListQuarantineAsync(bool includeReplayed, CancellationToken cancellationToken) =>
        inner.ListQuarantineAsync(includeReplayed, cancellationToken);

    public Task<QuarantineEntry?> GetQuarantineAsync(long id, CancellationToken cancellationToken) => inner.GetQuarantineAsync(id, cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> GetDueOutboxAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        inner.GetDueOutboxAsync(now, limit, cancellationToken);

    public Task MarkOutboxSentAsync(long outboxId, DateTimeOffset at, string detail, CancellationToken cancellationToken) =>
        inner.MarkOutboxSentAsync(outboxId, at, detail, cancellationToken);

    public Task MarkOutboxAttemptFailedAsync(long outboxId, DateTimeOffset at, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        inner.MarkOutboxAttemptFailedAsync(outboxId, at, error, retryAt, cancellationToken);

    private async Task CommitAsync()
    {
        if (++_pending >= batch)
        {
            await FlushAsync();
        }
    }

    /// <summary>One message's view of the shared transaction: everything passes through, except commit and dispose.</summary>
    private sealed class Session(GroupCommitStore store, ITicketSession shared) : ITicketSession
    {
        public Task<bool> IsSourceItemDoneAsync(string source, string key) => shared.IsSourceItemDoneAsync(source, key);

        public Task RecordSourceItemAsync(string source, string key, string outcome, DateTimeOffset at) => shared.RecordSourceItemAsync(source, key, outcome, at);

        public Task<bool> HasDeliveryAsync(string mailbox, string rawSha256) => shared.HasDeliveryAsync(mailbox, rawSha256);

        public Task RecordDeliveryAsync(string mailbox, string rawSha256, long ticketId, long? messageRowId, DateTimeOffset receivedAt) =>
            shared.RecordDeliveryAsync(mailbox, rawSha256, ticketId, messageRowId, receivedAt);

        public Task PutBlobAsync(string sha256, Stream content, bool compress) => shared.PutBlobAsync(sha256, content, compress);

        public Task<MessageRef?> FindMessageByMessageIdAsync(string messageId, MessageDirection direction) => shared.FindMessageByMessageIdAsync(messageId, direction);

        public Task<TicketRecord?> FindTicketAsync(TicketNumber number) => shared.FindTicketAsync(number);

        public Task<TicketRecord?> FindTicketByIdAsync(long ticketId) => shared.FindTicketByIdAsync(ticketId);

        public Task<IReadOnlyList<TicketRecord>> FindOpenTicketsWithIdentifierAsync(string customerAddress, IdentifierKind kind, string value, DateTimeOffset since) =>
            shared.FindOpenTicketsWithIdentifierAsync(customerAddress, kind, value, since);

        public Task<IReadOnlyList<RecentText>> FindRecentInboundTextsAsync(string customerAddress, DateTimeOffset since, int limit) =>
            shared.FindRecentInboundTextsAsync(customerAddress, since, limit);

        public Task<bool> IsParticipantAsync(long ticketId, string address) => shared.IsParticipantAsync(ticketId, address);

        public Task<int> CountOutboxSinceAsync(string recipient, DateTimeOffset since) => shared.CountOutboxSinceAsync(recipient, since);

        public Task<bool> IsSuppressedAsync(string address) => shared.IsSuppressedAsync(address);

        public Task SuppressAddressAsync(string address, string reason, long? ticketId, DateTimeOffset at) => shared.SuppressAddressAsync(address, reason, ticketId, at);

        public Task<TicketNumber> AllocateTicketNumberAsync(string prefix) => shared.AllocateTicketNumberAsync(prefix);

        public Task<long> InsertTicketAsync(NewTicket ticket) => shared.InsertTicketAsync(ticket);

        public Task UpdateTicketAsync(long ticketId, TicketStatus status, TicketFlags flags, DateTimeOffset updatedAt) => shared.UpdateTicketAsync(ticketId, status, flags, updatedAt);

        public Task AddTicketMailboxAsync(long ticketId, string mailbox) => shared.AddTicketMailboxAsync(ticketId, mailbox);

        public Task AddIdentifiersAsync(long ticketId, IEnumerable<Identifier> identifiers) => shared.AddIdentifiersAsync(ticketId, identifiers);

        public Task AddParticipantAsync(long ticketId, string address) => shared.AddParticipantAsync(ticketId, address);

        public Task<long> InsertMessageAsync(NewMessage message) => shared.InsertMessageAsync(message);

        public Task AddEventAsync(long ticketId, DateTimeOffset at, string kind, string detail) => shared.AddEventAsync(ticketId, at, kind, detail);

        public Task<long> EnqueueOutboxAsync(OutboxItem item) => shared.EnqueueOutboxAsync(item);

        public Task<long> QuarantineAsync(QuarantineItem item) => shared.QuarantineAsync(item);

        public Task MarkQuarantineReplayedAsync(long quarantineId, DateTimeOffset at) => shared.MarkQuarantineReplayedAsync(quarantineId, at);

        public Task CommitAsync() => store.CommitAsync();

        // The shared transaction outlives each message; FlushAsync ends it.
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
