using Dapper;
using MailTicketing.Storage.Dialects;
using MailTicketing.Storage.Rows;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Ports;
using MailTicketing.Tickets.Sla;

namespace MailTicketing.Storage.Repositories;

/// <summary>The schedule's reads (open tickets with their SLA facts and claimed keys) and its claims.</summary>
internal sealed class ScheduleRepository(SqlContext sql)
{
    // The ticket's first message threads team notices; its latest threads customer mail; the
    // customer's display name greets them. Each is one probe of ix_messages_ticket.
    private const string Select = $"""
        SELECT {TicketColumns.Select},
               r.sla_policy AS SlaPolicy, t.first_response_at AS FirstResponseAt, t.status_since AS StatusSince,
               (SELECT m.message_id FROM messages m WHERE m.ticket_id = t.id AND m.message_id IS NOT NULL ORDER BY m.id LIMIT 1) AS FirstMessageId,
               (SELECT m.message_id FROM messages m WHERE m.ticket_id = t.id AND m.message_id IS NOT NULL ORDER BY m.id DESC LIMIT 1) AS LastMessageId,
               (SELECT m.from_name FROM messages m WHERE m.ticket_id = t.id AND m.direction = 'Inbound' AND m.from_address = t.customer_address
                ORDER BY m.id LIMIT 1) AS CustomerName,
               (SELECT COUNT(*) FROM suppressed_addresses s WHERE s.address = t.customer_address) AS SuppressedCount
        FROM {TicketColumns.From}
        LEFT JOIN ticket_routing r ON r.ticket_id = t.id
        """;

    public async Task<IReadOnlyList<ScheduledTicket>> ListOpenAsync(long afterTicketId, int limit)
    {
        // Driven by ix_tickets_open: closed tickets, most of the table, are never read.
        const string select = $"""
            {Select}
            WHERE t.status <> 'Closed' AND t.id > @After
            ORDER BY t.id
            LIMIT @Limit
            """;
        var rows = await sql.Connection.QueryAsync<ScheduledTicketRow>(sql.Command(select, new { After = afterTicketId, Limit = Math.Max(0, limit) }));
        return await CompleteAsync([.. rows]);
    }

    public async Task<IReadOnlyList<ScheduledTicket>> GetAsync(IReadOnlyCollection<long> ticketIds)
    {
        if (ticketIds.Count == 0)
        {
            return [];
        }

        const string select = $"""
            {Select}
            WHERE t.id IN @Ids
            ORDER BY t.id
            """;
        var rows = await sql.Connection.QueryAsync<ScheduledTicketRow>(sql.Command(select, new { Ids = ticketIds.ToArray() }));
        return await CompleteAsync([.. rows]);
    }

    /// <summary>Inserts the claim unless its key is taken; false when it was.</summary>
    public async Task<bool> TryInsertClaimAsync(ScheduledClaim claim)
    {
        const string insert = """
            INSERT INTO scheduled_claims (key, ticket_id, claimed_at, claimed_by, outbox_id, outcome)
            VALUES (@Key, @TicketId, @At, @ClaimedBy, NULL, @Outcome)
            ON CONFLICT (key) DO NOTHING
            """;
        var inserted = await sql.Connection.ExecuteAsync(sql.Command(insert, new
        {
            claim.Key,
            claim.TicketId,
            At = UnixTime.ToMs(claim.At),
            claim.ClaimedBy,
            claim.Outcome,
        }));
        return inserted == 1;
    }

    public Task LinkOutboxAsync(string key, long outboxId) =>
        sql.Connection.ExecuteAsync(sql.Command("UPDATE scheduled_claims SET outbox_id = @OutboxId WHERE key = @Key", new { Key = key, OutboxId = outboxId }));

    /// <summary>The ticket's status and since when; null when there is no such ticket.</summary>
    public async Task<(TicketStatus Status, DateTimeOffset Since)?> StatusAsync(long ticketId)
    {
        var row = await sql.Connection.QuerySingleOrDefaultAsync<StatusRow?>(sql.Command(
            "SELECT status AS Status, status_since AS StatusSince FROM tickets WHERE id = @Id", new { Id = ticketId }));
        return row is null ? null : (EnumText.Parse<TicketStatus>(row.Status), UnixTime.FromMs(row.StatusSince));
    }

    private async Task<IReadOnlyList<ScheduledTicket>> CompleteAsync(IReadOnlyList<ScheduledTicketRow> rows)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(row => row.Id).ToArray();
        const string changes = """
            SELECT ticket_id AS TicketId, at AS At, status AS Status FROM ticket_status_changes
            WHERE ticket_id IN @Ids ORDER BY ticket_id, at, id
            """;
        var history = (await sql.Connection.QueryAsync<ChangeRow>(sql.Command(changes, new { Ids = ids })))
            .ToLookup(row => row.TicketId, row => new StatusChange(UnixTime.FromMs(row.At), EnumText.Parse<TicketStatus>(row.Status)));
        const string claims = "SELECT ticket_id AS TicketId, key AS Value FROM scheduled_claims WHERE ticket_id IN @Ids";
        var keys = (await sql.Connection.QueryAsync<TicketChildRow>(sql.Command(claims, new { Ids = ids })))
            .ToLookup(row => row.TicketId, row => row.Value ?? "");
        return [.. rows.Select(row => new ScheduledTicket(
            row.ToRecord(),
            row.SlaPolicy,
            UnixTime.FromMs(row.FirstResponseAt),
            UnixTime.FromMs(row.StatusSince ?? row.CreatedAt),
            [.. history[row.Id]],
            keys[row.Id].ToHashSet(StringComparer.Ordinal),
            row.FirstMessageId,
            row.LastMessageId,
            row.CustomerName,
            row.SuppressedCount > 0))];
    }

    private sealed class ScheduledTicketRow : TicketRow
    {
        public string? SlaPolicy { get; init; }
        public long? FirstResponseAt { get; init; }
        public long? StatusSince { get; init; }
        public string? FirstMessageId { get; init; }
        public string? LastMessageId { get; init; }
        public string? CustomerName { get; init; }
        public long SuppressedCount { get; init; }
    }

    private sealed class ChangeRow
    {
        public long TicketId { get; init; }
        public long At { get; init; }
        public string Status { get; init; } = "";
    }

    private sealed class StatusRow
    {
        public string Status { get; init; } = "";
        public long StatusSince { get; init; }
    }
}
