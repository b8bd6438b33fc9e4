using System.Text.Json;
using Dapper;
using MailTicketing.Storage.Blobs;
using MailTicketing.Storage.Dialects;
using MailTicketing.Storage.Rows;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Storage.Repositories;

/// <summary>Messages on tickets, with their attachments.</summary>
internal sealed class MessageRepository(SqlContext sql)
{
    private const string MessageColumns = """
        m.id AS Id, m.ticket_id AS TicketId, m.mailbox AS Mailbox, m.direction AS Direction, m.kind AS Kind,
        m.message_id AS MessageId, m.from_address AS FromAddress, m.from_name AS FromName, m.subject AS Subject,
        m.received_at AS ReceivedAt, m.reason AS Reason, m.reason_detail AS ReasonDetail, m.text AS Text,
        m.raw_sha256 AS RawSha256
        """;

    public async Task<long> InsertAsync(NewMessage message)
    {
        const string insert = """
            INSERT INTO messages (ticket_id, mailbox, direction, kind, message_id, in_reply_to, from_address, from_name,
                                  to_addresses, subject, received_at, reason, reason_detail, text, raw_sha256, size, fingerprint)
            VALUES (@TicketId, @Mailbox, @Direction, @Kind, @MessageId, @InReplyTo, @FromAddress, @FromName,
                    @ToAddresses, @Subject, @ReceivedAt, @Reason, @ReasonDetail, @Text, @RawSha256, @Size, @Fingerprint)
            RETURNING id
            """;
        var id = await sql.Connection.QuerySingleAsync<long>(sql.Command(insert, new
        {
            message.TicketId,
            message.Mailbox,
            Direction = message.Direction.ToString(),
            Kind = message.Kind.ToString(),
            message.MessageId,
            message.InReplyTo,
            message.FromAddress,
            message.FromName,
            ToAddresses = JsonSerializer.Serialize(message.ToAddresses, StorageJsonContext.Default.IReadOnlyListString),
            message.Subject,
            ReceivedAt = UnixTime.ToMs(message.ReceivedAt),
            Reason = message.Reason.ToString(),
            message.ReasonDetail,
            message.Text,
            RawSha256 = message.RawSha256 is null ? null : BlobKey.Normalize(message.RawSha256),
            message.Size,
            Fingerprint = message.TextFingerprint,
        }));

        if (message.Attachments.Count > 0)
        {
            const string insertAttachment = """
                INSERT INTO message_attachments (message_id, ordinal, file_name, content_type, size, sha256, content_id, disposition)
                VALUES (@MessageId, @Ordinal, @FileName, @ContentType, @Size, @Sha256, @ContentId, @Disposition)
                """;
            var rows = message.Attachments.Select((attachment, ordinal) => new
            {
                MessageId = id,
                Ordinal = ordinal,
                attachment.FileName,
                attachment.ContentType,
                attachment.Size,
                Sha256 = BlobKey.Normalize(attachment.Sha256),
                attachment.ContentId,
                attachment.Disposition,
            }).ToList();
            await sql.Connection.ExecuteAsync(sql.Command(insertAttachment, rows));
        }

        return id;
    }

    public async Task<MessageRef?> FindByMessageIdAsync(string messageId, MessageDirection direction)
    {
        const string select = $"""
            SELECT {MessageColumns}
            FROM messages m
            WHERE m.message_id = @MessageId AND m.direction = @Direction
            ORDER BY m.id
            LIMIT 1
            """;
        var row = await sql.Connection.QuerySingleOrDefaultAsync<MessageRow?>(sql.Command(select, new
        {
            MessageId = messageId,
            Direction = direction.ToString(),
        }));
        return row?.ToRef();
    }

    /// <summary>Our outbound message with this Message-ID, else the first inbound one (ix_messages_message_id).</summary>
    public async Task<MessageRef?> FindByMessageIdOursFirstAsync(string messageId)
    {
        const string select = $"""
            SELECT {MessageColumns}
            FROM messages m
            WHERE m.message_id = @MessageId
            ORDER BY m.direction = 'Outbound' DESC, m.id
            LIMIT 1
            """;
        var row = await sql.Connection.QuerySingleOrDefaultAsync<MessageRow?>(sql.Command(select, new { MessageId = messageId }));
        return row?.ToRef();
    }

    public async Task<IReadOnlyList<RecentText>> RecentInboundTextsAsync(string fromAddress, DateTimeOffset since, int limit)
    {
        // Driven by ix_messages_from (from_address, direction, received_at), newest first.
        const string select = """
            SELECT m.ticket_id AS TicketId, m.id AS MessageRowId, m.fingerprint AS TextFingerprint, m.received_at AS ReceivedAt
            FROM messages m
            JOIN tickets t ON t.id = m.ticket_id
            WHERE m.from_address = @FromAddress AND m.direction = 'Inbound' AND m.received_at >= @Since
              AND t.status <> 'Closed'
            ORDER BY m.received_at DESC
            LIMIT @Limit
            """;
        var rows = await sql.Connection.QueryAsync<RecentTextRow>(sql.Command(select, new
        {
            FromAddress = fromAddress,
            Since = UnixTime.ToMs(since),
            Limit = Math.Max(0, limit),
        }));
        return [.. rows.Select(row => new RecentText(row.TicketId, row.MessageRowId, row.TextFingerprint, UnixTime.FromMs(row.ReceivedAt)))];
    }

    public async Task<ILookup<long, StoredMessage>> ForTicketsAsync(IReadOnlyList<long> ticketIds)
    {
        const string selectMessages = $"""
            SELECT {MessageColumns}
            FROM messages m
            WHERE m.ticket_id IN @Ids
            ORDER BY m.ticket_id, m.received_at, m.id
            """;
        const string selectAttachments = """
            SELECT a.message_id AS MessageId, a.ordinal AS Ordinal, a.file_name AS FileName, a.content_type AS ContentType,
                   a.size AS Size, a.sha256 AS Sha256, a.content_id AS ContentId, a.disposition AS Disposition
            FROM messages m
            JOIN message_attachments a ON a.message_id = m.id
            WHERE m.ticket_id IN @Ids
            ORDER BY a.message_id, a.ordinal
            """;
        var messages = await sql.Connection.QueryAsync<MessageRow>(sql.Command(selectMessages, new { Ids = ticketIds }));
        var attachments = (await sql.Connection.QueryAsync<AttachmentRow>(sql.Command(selectAttachments, new { Ids = ticketIds })))
            .ToLookup(row => row.MessageId, row => row.ToStored());
        return messages.ToLookup(row => row.TicketId, row => row.ToStored([.. attachments[row.Id]]));
    }

    private sealed class RecentTextRow
    {
        public long TicketId { get; init; }
        public long MessageRowId { get; init; }
        public long TextFingerprint { get; init; }
        public long ReceivedAt { get; init; }
    }
}
