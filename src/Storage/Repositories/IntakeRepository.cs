using Dapper;
using MailTicketing.Storage.Dialects;

namespace MailTicketing.Storage.Repositories;

/// <summary>
/// What makes ingestion exactly-once: source items read, deliveries received, addresses not to
/// write to. Each is settled by a unique key and insert-if-absent, so recording twice is a no-op.
/// </summary>
internal sealed class IntakeRepository(SqlContext sql)
{
    public Task<bool> IsSourceItemDoneAsync(string source, string key)
    {
        const string select = "SELECT EXISTS (SELECT 1 FROM source_items WHERE source = @Source AND key = @Key)";
        return sql.Connection.ExecuteScalarAsync<bool>(sql.Command(select, new { Source = source, Key = key }));
    }

    public Task RecordSourceItemAsync(string source, string key, string outcome, DateTimeOffset at)
    {
        const string insert = """
            INSERT INTO source_items (source, key, outcome, done_at) VALUES (@Source, @Key, @Outcome, @At)
            ON CONFLICT DO NOTHING
            """;
        return sql.Connection.ExecuteAsync(sql.Command(insert, new
        {
            Source = source,
            Key = key,
            Outcome = outcome,
            At = UnixTime.ToMs(at),
        }));
    }

    public Task<bool> HasDeliveryAsync(string mailbox, string rawSha256)
    {
        const string select = "SELECT EXISTS (SELECT 1 FROM deliveries WHERE mailbox = @Mailbox AND raw_sha256 = @RawSha256)";
        return sql.Connection.ExecuteScalarAsync<bool>(sql.Command(select, new { Mailbox = mailbox, RawSha256 = rawSha256.ToLowerInvariant() }));
    }

    public Task RecordDeliveryAsync(string mailbox, string rawSha256, long ticketId, long? messageRowId, DateTimeOffset receivedAt)
    {
        const string insert = """
            INSERT INTO deliveries (mailbox, raw_sha256, ticket_id, message_row_id, received_at)
            VALUES (@Mailbox, @RawSha256, @TicketId, @MessageRowId, @ReceivedAt)
            ON CONFLICT DO NOTHING
            """;
        return sql.Connection.ExecuteAsync(sql.Command(insert, new
        {
            Mailbox = mailbox,
            RawSha256 = rawSha256.ToLowerInvariant(),
            TicketId = ticketId,
            MessageRowId = messageRowId,
            ReceivedAt = UnixTime.ToMs(receivedAt),
        }));
    }

    public Task<bool> IsSuppressedAsync(string address)
    {
        const string select = "SELECT EXISTS (SELECT 1 FROM suppressed_addresses WHERE address = @Address)";
        return sql.Connection.ExecuteScalarAsync<bool>(sql.Command(select, new { Address = address }));
    }

    public Task SuppressAsync(string address, string reason, long? ticketId, DateTimeOffset at)
    {
        // The first reason stays: it is the one that stopped the mail.
        const string insert = """
            INSERT INTO suppressed_addresses (address, reason, ticket_id, at) VALUES (@Address, @Reason, @TicketId, @At)
            ON CONFLICT DO NOTHING
            """;
        return sql.Connection.ExecuteAsync(sql.Command(insert, new
        {
            Address = address,
            Reason = reason,
            TicketId = ticketId,
            At = UnixTime.ToMs(at),
        }));
    }
}
