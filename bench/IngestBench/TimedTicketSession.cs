using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Ports;
using MailTicketing.Tickets.Routing;

namespace MailTicketing.Bench.Ingest;

/// <summary>A session whose every call is timed under its own name (see <see cref="TimedTicketStore"/>).</summary>
internal sealed class TimedTicketSession(ITicketSession inner, StoreCallTimes times) : ITicketSession
{
    public Task<bool> IsSourceItemDoneAsync(string source, string key) => times.TimeAsync("source item done?", () => inner.IsSourceItemDoneAsync(source, key));

    public Task RecordSourceItemAsync(string source, string key, string outcome, DateTimeOffset at) =>
        times.TimeAsync("record source item", () => inner.RecordSourceItemAsync(source, key, outcome, at));

    public Task<bool> HasDeliveryAsync(string mailbox, string rawSha256) => times.TimeAsync("delivery seen?", () => inner.HasDeliveryAsync(mailbox, rawSha256));

    public Task RecordDeliveryAsync(string mailbox, string rawSha256, long ticketId, long? messageRowId, DateTimeOffset receivedAt) =>
        times.TimeAsync("record delivery", () => inner.RecordDeliveryAsync(mailbox, rawSha256, ticketId, messageRowId, receivedAt));

    public Task PutBlobAsync(string sha256, Stream content, bool compress) =>
        times.TimeAsync(compress ? "put blob, compressed (read, hash, Brotli, insert)" : "put blob, stored (read, hash, insert)", () => inner.PutBlobAsync(sha256, content, compress));

    public Task PutBlobAsync(PreparedBlob blob) =>
        times.TimeAsync(blob.Compress ? "put blob, prepared (insert; Brotli ran ahead)" : "put blob, prepared as is (insert; hashed ahead)", () => inner.PutBlobAsync(blob));

    public Task<MessageRef?> FindMessageByMessageIdAsync(string messageId, MessageDirection direction) =>
        times.TimeAsync("find message by Message-ID", () => inner.FindMessageByMessageIdAsync(messageId, direction));

    public Task<MessageRef?> FindMessageByMessageIdAsync(string messageId) =>
        times.TimeAsync("find message by Message-ID (ours first)", () => inner.FindMessageByMessageIdAsync(messageId));

    public Task<TicketRecord?> FindTicketAsync(TicketNumber number) => times.TimeAsync("find ticket by number", () => inner.FindTicketAsync(number));

    public Task<TicketRecord?> FindTicketByIdAsync(long ticketId) => times.TimeAsync("find ticket by id", () => inner.FindTicketByIdAsync(ticketId));

    public Task<IReadOnlyList<TicketRecord>> FindOpenTicketsWithIdentifierAsync(string customerAddress, IdentifierKind kind, string value, DateTimeOffset since) =>
        times.TimeAsync("find open tickets with identifier", () => inner.FindOpenTicketsWithIdentifierAsync(customerAddress, kind, value, since));

    public Task<IReadOnlyList<RecentText>> FindRecentInboundTextsAsync(string customerAddress, DateTimeOffset since, int limit) =>
        times.TimeAsync("recent texts of the sender", () => inner.FindRecentInboundTextsAsync(customerAddress, since, limit));

    public Task<bool> IsParticipantAsync(long ticketId, string address) => times.TimeAsync("is participant?", () => inner.IsParticipantAsync(ticketId, address));

    public Task<TicketRecord?> FindOpenTicketLinkedToAsync(long closedTicketId) => times.TimeAsync("find ticket continuing a closed one", () => inner.FindOpenTicketLinkedToAsync(closedTicketId));

    public Task<int> CountOutboxSinceAsync(string recipient, DateTimeOffset since) =>
        times.TimeAsync("acknowledgements in the last hour", () => inner.CountOutboxSinceAsync(recipient, since));

    public Task<bool> IsSuppressedAsync(string address) => times.TimeAsync("address suppressed?", () => inner.IsSuppressedAsync(address));

    public Task SuppressAddressAsync(string address, string reason, long? ticketId, DateTimeOffset at) =>
        times.TimeAsync("suppress address", () => inner.SuppressAddressAsync(address, reason, ticketId, at));

    public Task<TicketNumber> AllocateTicketNumberAsync(string prefix) => times.TimeAsync("allocate ticket number", () => inner.AllocateTicketNumberAsync(prefix));

    public Task<long> InsertTicketAsync(NewTicket ticket) => times.TimeAsync("insert ticket", () => inner.InsertTicketAsync(ticket));

    public Task UpdateTicketAsync(long ticketId, TicketStatus status, TicketFlags flags, DateTimeOffset updatedAt) =>
        times.TimeAsync("update ticket", () => inner.UpdateTicketAsync(ticketId, status, flags, updatedAt));

    public Task<bool> RecordFirstResponseAsync(long ticketId, DateTimeOffset at) =>
        times.TimeAsync("first response", () => inner.RecordFirstResponseAsync(ticketId, at));

    public Task RerouteTicketAsync(long ticketId, string queue, string? category, TicketPriority priority) =>
        times.TimeAsync("reroute ticket", () => inner.RerouteTicketAsync(ticketId, queue, category, priority));

    public Task<TicketRouting> GetRoutingAsync(long ticketId) => times.TimeAsync("get routing", () => inner.GetRoutingAsync(ticketId));

    public Task SaveRoutingAsync(long ticketId, TicketRouting routing) => times.TimeAsync("save routing", () => inner.SaveRoutingAsync(ticketId, routing));

    public Task AddTicketMailboxAsync(long ticketId, string mailbox) => times.TimeAsync("add ticket mailbox", () => inner.AddTicketMailboxAsync(ticketId, mailbox));

    public Task AddIdentifiersAsync(long ticketId, IEnumerable<Identifier> identifiers) =>
        times.TimeAsync("add identifiers", () => inner.AddIdentifiersAsync(ticketId, identifiers));

    public Task AddParticipantAsync(long ticketId, string address) => times.TimeAsync("add participant", () => inner.AddParticipantAsync(ticketId, address));

    public Task<long> InsertMessageAsync(NewMessage message) =>
        times.TimeAsync(message.Direction == MessageDirection.Inbound ? "insert inbound message (+ attachment rows)" : "insert outbound message", () => inner.InsertMessageAsync(message));

    public Task AddEventAsync(long ticketId, DateTimeOffset at, string kind, string detail) =>
        times.TimeAsync("add event", () => inner.AddEventAsync(ticketId, at, kind, detail));

    public Task<long> EnqueueOutboxAsync(OutboxItem item) => times.TimeAsync("enqueue outbox", () => inner.EnqueueOutboxAsync(item));

    public Task<long> QuarantineAsync(QuarantineItem item) => times.TimeAsync("quarantine", () => inner.QuarantineAsync(item));

    public Task MarkQuarantineReplayedAsync(long quarantineId, DateTimeOffset at) =>
        times.TimeAsync("mark quarantine replayed", () => inner.MarkQuarantineReplayedAsync(quarantineId, at));

    public Task<ImapCheckpoint?> GetImapCheckpointAsync(string source) => times.TimeAsync("get IMAP checkpoint", () => inner.GetImapCheckpointAsync(source));

    public Task SaveImapCheckpointAsync(ImapCheckpoint checkpoint) => times.TimeAsync("save IMAP checkpoint", () => inner.SaveImapCheckpointAsync(checkpoint));

    public Task CommitAsync() => times.TimeAsync("commit", inner.CommitAsync);

    public async ValueTask DisposeAsync() => await times.TimeAsync("end session (return connection)", () => inner.DisposeAsync().AsTask());
}
