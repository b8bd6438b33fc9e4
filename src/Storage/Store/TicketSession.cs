using MailTicketing.Storage.Blobs;
using MailTicketing.Storage.Dialects;
using MailTicketing.Storage.Repositories;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Ports;
using MailTicketing.Tickets.Routing;

namespace MailTicketing.Storage.Store;

/// <summary>
/// One write transaction on its own connection. Every command carries the transaction and the
/// cancellation token given to <see cref="TicketStore.BeginAsync"/>.
/// </summary>
internal sealed class TicketSession : ITicketSession
{
    private readonly SqlContext _sql;
    private readonly TimeProvider _clock;
    private readonly ISqlDialect _dialect;
    private readonly TicketRepository _tickets;
    private readonly TicketLinkRepository _links;
    private readonly MessageRepository _messages;
    private readonly IntakeRepository _intake;
    private readonly OutboxRepository _outbox;
    private readonly QuarantineRepository _quarantine;
    private readonly RoutingRepository _routing;
    private bool _committed;
    private bool _disposed;

    public TicketSession(SqlContext sql, ISqlDialect dialect, TimeProvider clock)
    {
        _sql = sql;
        _dialect = dialect;
        _clock = clock;
        _tickets = new TicketRepository(sql);
        _links = new TicketLinkRepository(sql);
        _messages = new MessageRepository(sql);
        _intake = new IntakeRepository(sql);
        _outbox = new OutboxRepository(sql);
        _quarantine = new QuarantineRepository(sql);
        _routing = new RoutingRepository(sql);
    }

    public Task<bool> IsSourceItemDoneAsync(string source, string key) => Active(_intake).IsSourceItemDoneAsync(source, key);

    public Task RecordSourceItemAsync(string source, string key, string outcome, DateTimeOffset at) =>
        Active(_intake).RecordSourceItemAsync(source, key, outcome, at);

    public Task<bool> HasDeliveryAsync(string mailbox, string rawSha256) => Active(_intake).HasDeliveryAsync(mailbox, rawSha256);

    public Task RecordDeliveryAsync(string mailbox, string rawSha256, long ticketId, long? messageRowId, DateTimeOffset receivedAt) =>
        Active(_intake).RecordDeliveryAsync(mailbox, rawSha256, ticketId, messageRowId, receivedAt);

    public Task PutBlobAsync(string sha256, Stream content, bool compress) =>
        Active(new BlobRepository(_sql, _dialect, _clock)).PutAsync(sha256, content, compress);

    public Task PutBlobAsync(PreparedBlob blob) => blob is EncodedBlob encoded
        ? Active(new BlobRepository(_sql, _dialect, _clock)).PutAsync(encoded)
        : PutBlobAsync(blob.Sha256, new MemoryStream(blob.Content, writable: false), blob.Compress);

    public Task<MessageRef?> FindMessageByMessageIdAsync(string messageId, MessageDirection direction) =>
        Active(_messages).FindByMessageIdAsync(messageId, direction);

    public Task<MessageRef?> FindMessageByMessageIdAsync(string messageId) =>
        Active(_messages).FindByMessageIdOursFirstAsync(messageId);

    public async Task<TicketRecord?> FindTicketAsync(TicketNumber number) =>
        (await Active(_tickets).FindByNumberAsync(number))?.ToRecord();

    public async Task<TicketRecord?> FindTicketByIdAsync(long ticketId) =>
        (await Active(_tickets).FindByIdAsync(ticketId))?.ToRecord();

    public async Task<TicketRecord?> FindOpenTicketLinkedToAsync(long closedTicketId) =>
        (await Active(_tickets).FindOpenLinkedToAsync(closedTicketId))?.ToRecord();

    public Task<IReadOnlyList<TicketRecord>> FindOpenTicketsWithIdentifierAsync(
        string customerAddress, IdentifierKind kind, string value, DateTimeOffset since) =>
        Active(_tickets).FindOpenWithIdentifierAsync(customerAddress, kind, value, since);

    public Task<IReadOnlyList<RecentText>> FindRecentInboundTextsAsync(string customerAddress, DateTimeOffset since, int limit) =>
        Active(_messages).RecentInboundTextsAsync(customerAddress, since, limit);

    public Task<bool> IsParticipantAsync(long ticketId, string address) => Active(_links).IsParticipantAsync(ticketId, address);

    public Task<int> CountOutboxSinceAsync(string recipient, DateTimeOffset since) => Active(_outbox).CountSinceAsync(recipient, since);

    public Task<bool> IsSuppressedAsync(string address) => Active(_intake).IsSuppressedAsync(address);

    public Task SuppressAddressAsync(string address, string reason, long? ticketId, DateTimeOffset at) =>
        Active(_intake).SuppressAsync(address, reason, ticketId, at);

    public Task<TicketNumber> AllocateTicketNumberAsync(string prefix) => Active(_tickets).AllocateNumberAsync(prefix);

    public Task<long> InsertTicketAsync(NewTicket ticket) => Active(_tickets).InsertAsync(ticket);

    public Task UpdateTicketAsync(long ticketId, TicketStatus status, TicketFlags flags, DateTimeOffset updatedAt) =>
        Active(_tickets).UpdateAsync(ticketId, status, flags, updatedAt);

    public Task<bool> RecordFirstResponseAsync(long ticketId, DateTimeOffset at) => Active(_tickets).RecordFirstResponseAsync(ticketId, at);

    public Task RerouteTicketAsync(long ticketId, string queue, string? category, TicketPriority priority) =>
        Active(_routing).RerouteAsync(ticketId, queue, category, priority);

    public Task<TicketRouting> GetRoutingAsync(long ticketId) => Active(_routing).GetAsync(ticketId);

    public Task SaveRoutingAsync(long ticketId, TicketRouting routing) => Active(_routing).SaveAsync(ticketId, routing);

    public Task AddTicketMailboxAsync(long ticketId, string mailbox) => Active(_links).AddMailboxAsync(ticketId, mailbox);

    public Task AddIdentifiersAsync(long ticketId, IEnumerable<Identifier> identifiers) =>
        Active(_links).AddIdentifiersAsync(ticketId, identifiers);

    public Task AddParticipantAsync(long ticketId, string address) => Active(_links).AddParticipantAsync(ticketId, address);

    public Task<long> InsertMessageAsync(NewMessage message) => Active(_messages).InsertAsync(message);

    public Task AddEventAsync(long ticketId, DateTimeOffset at, string kind, string detail) =>
        Active(_links).AddEventAsync(ticketId, at, kind, detail);

    public Task<long> EnqueueOutboxAsync(OutboxItem item) => Active(_outbox).EnqueueAsync(item);

    public Task<long> QuarantineAsync(QuarantineItem item) => Active(_quarantine).UpsertAsync(item, _clock.GetUtcNow());

    public Task MarkQuarantineReplayedAsync(long quarantineId, DateTimeOffset at) =>
        Active(_quarantine).MarkReplayedAsync(quarantineId, at);

    public Task<ImapCheckpoint?> GetImapCheckpointAsync(string source) => Active(new ImapCheckpointRepository(_sql)).GetAsync(source);

    public Task SaveImapCheckpointAsync(ImapCheckpoint checkpoint) => Active(new ImapCheckpointRepository(_sql)).SaveAsync(checkpoint);

    public async Task CommitAsync()
    {
        Active(this);
        await _sql.Transaction!.CommitAsync(_sql.Token);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        // Disposing an uncommitted transaction rolls it back.
        await _sql.Transaction!.DisposeAsync();
        await _sql.Connection.DisposeAsync();
    }

    private T Active<T>(T repository)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            throw new InvalidOperationException("This ticket session was committed; begin a new one.");
        }

        return repository;
    }
}
