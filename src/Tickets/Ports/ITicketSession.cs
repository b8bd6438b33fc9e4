using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Routing;

namespace MailTicketing.Tickets.Ports;

/// <summary>
/// One write transaction of ingestion. Nothing is visible to others until <see cref="CommitAsync"/>;
/// disposing without committing rolls everything back.
/// </summary>
public interface ITicketSession : IAsyncDisposable
{
    /// <summary>True when this source item (a Maildir file, an mbox entry, an IMAP UID) was already handled.</summary>
    Task<bool> IsSourceItemDoneAsync(string source, string key);

    /// <summary>Marks a source item handled, with what became of it ("ticket SUP-000001", "duplicate", "quarantined").</summary>
    Task RecordSourceItemAsync(string source, string key, string outcome, DateTimeOffset at);

    /// <summary>True when this mailbox already received exactly these bytes.</summary>
    Task<bool> HasDeliveryAsync(string mailbox, string rawSha256);

    Task RecordDeliveryAsync(string mailbox, string rawSha256, long ticketId, long? messageRowId, DateTimeOffset receivedAt);

    /// <summary>Stores bytes under their SHA-256 unless present; <paramref name="compress"/> for raw mail, not for already-compressed attachments.</summary>
    Task PutBlobAsync(string sha256, Stream content, bool compress);

    /// <summary>Stores a blob made ready by <see cref="ITicketStore.PrepareBlob(string, byte[], bool)"/> unless present.</summary>
    Task PutBlobAsync(PreparedBlob blob) => PutBlobAsync(blob.Sha256, new MemoryStream(blob.Content, writable: false), blob.Compress);

    Task<MessageRef?> FindMessageByMessageIdAsync(string messageId, MessageDirection direction);

    /// <summary>
    /// What ingestion must heed first about a Message-ID, in one lookup: our own outbound message
    /// with it (it came back), else the first inbound one (seen before); null when there is none.
    /// </summary>
    async Task<MessageRef?> FindMessageByMessageIdAsync(string messageId) =>
        await FindMessageByMessageIdAsync(messageId, MessageDirection.Outbound)
        ?? await FindMessageByMessageIdAsync(messageId, MessageDirection.Inbound);

    Task<TicketRecord?> FindTicketAsync(TicketNumber number);

    Task<TicketRecord?> FindTicketByIdAsync(long ticketId);

    /// <summary>Tickets of this customer that are not closed, updated since <paramref name="since"/>, carrying the identifier; newest first.</summary>
    Task<IReadOnlyList<TicketRecord>> FindOpenTicketsWithIdentifierAsync(string customerAddress, IdentifierKind kind, string value, DateTimeOffset since);

    /// <summary>Recent inbound messages of this customer on tickets that are not closed; newest first.</summary>
    Task<IReadOnlyList<RecentText>> FindRecentInboundTextsAsync(string customerAddress, DateTimeOffset since, int limit);

    /// <summary>The newest ticket that is not closed and was opened by a reply to <paramref name="closedTicketId"/>, or null.</summary>
    Task<TicketRecord?> FindOpenTicketLinkedToAsync(long closedTicketId);

    Task<bool> IsParticipantAsync(long ticketId, string address);

    /// <summary>Acknowledgements queued to this address since the given time (for the per-sender hourly cap).</summary>
    Task<int> CountOutboxSinceAsync(string recipient, DateTimeOffset since);

    Task<bool> IsSuppressedAsync(string address);

    Task SuppressAddressAsync(string address, string reason, long? ticketId, DateTimeOffset at);

    /// <summary>The next number for the prefix: gap-free per prefix, never reused.</summary>
    Task<TicketNumber> AllocateTicketNumberAsync(string prefix);

    Task<long> InsertTicketAsync(NewTicket ticket);

    /// <summary>Updates the ticket; a new status is also recorded in its status history (the SLA clocks read it).</summary>
    Task UpdateTicketAsync(long ticketId, TicketStatus status, TicketFlags flags, DateTimeOffset updatedAt);

    /// <summary>Staff answered the customer at <paramref name="at"/>: stops the first-response clock unless an earlier answer already did. False when one had.</summary>
    Task<bool> RecordFirstResponseAsync(long ticketId, DateTimeOffset at);

    /// <summary>A follow-up's routing moved the ticket: its queue, category or priority changed.</summary>
    Task RerouteTicketAsync(long ticketId, string queue, string? category, TicketPriority priority);

    /// <summary>The ticket's stored routing; <see cref="TicketRouting.None"/> when nothing was stored.</summary>
    Task<TicketRouting> GetRoutingAsync(long ticketId);

    /// <summary>Stores the ticket's routing, replacing what was stored.</summary>
    Task SaveRoutingAsync(long ticketId, TicketRouting routing);

    /// <summary>Makes the ticket visible in another mailbox's queue (same mail sent to support@ and security@).</summary>
    Task AddTicketMailboxAsync(long ticketId, string mailbox);

    Task AddIdentifiersAsync(long ticketId, IEnumerable<Identifier> identifiers);

    Task AddParticipantAsync(long ticketId, string address);

    Task<long> InsertMessageAsync(NewMessage message);

    Task AddEventAsync(long ticketId, DateTimeOffset at, string kind, string detail);

    Task<long> EnqueueOutboxAsync(OutboxItem item);

    Task<long> QuarantineAsync(QuarantineItem item);

    Task MarkQuarantineReplayedAsync(long quarantineId, DateTimeOffset at);

    /// <summary>How far an IMAP folder has been read; null before its first commit.</summary>
    Task<ImapCheckpoint?> GetImapCheckpointAsync(string source);

    /// <summary>Saves the folder's checkpoint in this transaction, so it commits with the tickets it covers.</summary>
    Task SaveImapCheckpointAsync(ImapCheckpoint checkpoint);

    Task CommitAsync();
}
