using Dapper;
using MailTicketing.Storage.Dialects;
using MailTicketing.Storage.Rows;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Storage.Repositories;

/// <summary>Outgoing mail and every attempt to deliver it.</summary>
internal sealed class OutboxRepository(SqlContext sql)
{
    private const string OutboxSelect = """
        SELECT o.id AS Id, o.ticket_id AS TicketId, t.prefix AS Prefix, t.sequence AS Sequence,
               o.message_row_id AS MessageRowId, o.recipient AS Recipient, o.message_id AS MessageId, o.raw AS Raw,
               o.state AS State, o.attempts AS Attempts, o.last_error AS LastError, o.created_at AS CreatedAt,
               o.next_attempt_at AS NextAttemptAt, o.sent_at AS SentAt
        FROM outbox o
        JOIN tickets t ON t.id = o.ticket_id
        """;

    public Task<long> EnqueueAsync(OutboxItem item)
    {
        const string insert = """
            INSERT INTO outbox (ticket_id, message_row_id, recipient, message_id, state, attempts, created_at, next_attempt_at, raw)
            VALUES (@TicketId, @MessageRowId, @Recipient, @MessageId, 'Pending', 0, @CreatedAt, @CreatedAt, @Raw)
            RETURNING id
            """;
        return sql.Connection.QuerySingleAsync<long>(sql.Command(insert, new
        {
            item.TicketId,
            item.MessageRowId,
            item.Recipient,
            item.MessageId,
            CreatedAt = UnixTime.ToMs(item.CreatedAt),
            item.Raw,
        }));
    }

    public Task<int> CountSinceAsync(string recipient, DateTimeOffset since)
    {
        const string select = "SELECT COUNT(*) FROM outbox WHERE recipient = @Recipient AND created_at >= @Since";
        return sql.Connection.ExecuteScalarAsync<int>(sql.Command(select, new { Recipient = recipient, Since = UnixTime.ToMs(since) }));
    }

    public async Task<IReadOnlyList<OutboxEntry>> DueAsync(DateTimeOffset now, int limit)
    {
        const string select = $"""
            {OutboxSelect}
            WHERE o.state = 'Pending' AND o.next_attempt_at <= @Now
            ORDER BY o.next_attempt_at, o.id
            LIMIT @Limit
            """;
        var rows = await sql.Connection.QueryAsync<OutboxRow>(sql.Command(select, new { Now = UnixTime.ToMs(now), Limit = Math.Max(0, limit) }));
        return [.. rows.Select(row => row.ToEntry())];
    }

    /// <summary>
    /// Leases up to <paramref name="limit"/> due rows to <paramref name="owner"/> until
    /// <paramref name="leaseUntil"/> and returns them, oldest first. A row leased to another
    /// worker is skipped until its lease runs out, so two workers never send one row at once
    /// (the owner's own leases it takes again: rows a broken connection left untouched);
    /// the lease check is repeated in the outer WHERE, which PostgreSQL re-evaluates on a row
    /// another transaction just leased.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> LeaseDueAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int limit)
    {
        // Driven by the partial index ix_outbox_due: sent and failed rows are not in it.
        const string lease = """
            UPDATE outbox SET lease_owner = @Owner, lease_until = @Until
            WHERE id IN (SELECT id FROM outbox
                         WHERE state = 'Pending' AND next_attempt_at <= @Now
                           AND (lease_until IS NULL OR lease_until <= @Now OR lease_owner = @Owner)
                         ORDER BY next_attempt_at, id
                         LIMIT @Limit)
              AND state = 'Pending' AND (lease_until IS NULL OR lease_until <= @Now OR lease_owner = @Owner)
            RETURNING id
            """;
        var ids = (await sql.Connection.QueryAsync<long>(sql.Command(lease, new
        {
            Owner = owner,
            Until = UnixTime.ToMs(leaseUntil),
            Now = UnixTime.ToMs(now),
            Limit = Math.Max(0, limit),
        }))).ToArray();
        if (ids.Length == 0)
        {
            return [];
        }

        const string select = $"""
            {OutboxSelect}
            WHERE o.id IN @Ids
            ORDER BY o.next_attempt_at, o.id
            """;
        var rows = await sql.Connection.QueryAsync<OutboxRow>(sql.Command(select, new { Ids = ids }));
        return [.. rows.Select(row => row.ToEntry())];
    }

    /// <summary>The owners of live leases on Pending rows.</summary>
    public async Task<IReadOnlyList<string>> LiveLeaseOwnersAsync(DateTimeOffset now)
    {
        // Pending rows only: the partial index ix_outbox_due holds them.
        const string owners = "SELECT DISTINCT lease_owner FROM outbox WHERE state = 'Pending' AND lease_until > @Now AND lease_owner IS NOT NULL";
        return [.. await sql.Connection.QueryAsync<string>(sql.Command(owners, new { Now = UnixTime.ToMs(now) }))];
    }

    /// <summary>Clears <paramref name="owner"/>'s leases on Pending rows; returns how many rows.</summary>
    public Task<int> ReleaseLeasesAsync(string owner)
    {
        const string release = "UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE state = 'Pending' AND lease_owner = @Owner";
        return sql.Connection.ExecuteAsync(sql.Command(release, new { Owner = owner }));
    }

    /// <summary>Records the attempt and moves the row to its new state; returns the ticket id and recipient for the ticket's history.</summary>
    public async Task<(long TicketId, string Recipient)> RecordAttemptAsync(
        long outboxId, DateTimeOffset at, OutboxState state, string result, string detail, DateTimeOffset? nextAttemptAt)
    {
        const string update = """
            UPDATE outbox
            SET state = @State,
                attempts = attempts + 1,
                last_error = CASE WHEN @State = 'Sent' THEN last_error ELSE @Detail END,
                next_attempt_at = @NextAttemptAt,
                sent_at = CASE WHEN @State = 'Sent' THEN @At ELSE sent_at END,
                lease_owner = NULL,
                lease_until = NULL
            WHERE id = @Id
            RETURNING ticket_id AS TicketId, recipient AS Recipient
            """;
        var row = await sql.Connection.QuerySingleOrDefaultAsync<AttemptTarget?>(sql.Command(update, new
        {
            Id = outboxId,
            State = state.ToString(),
            Detail = detail,
            At = UnixTime.ToMs(at),
            NextAttemptAt = UnixTime.ToMs(nextAttemptAt),
        })) ?? throw new InvalidOperationException($"There is no outbox row with id {outboxId}.");

        const string insertAttempt = """
            INSERT INTO outbox_attempts (outbox_id, at, result, detail) VALUES (@Id, @At, @Result, @Detail)
            """;
        await sql.Connection.ExecuteAsync(sql.Command(insertAttempt, new
        {
            Id = outboxId,
            At = UnixTime.ToMs(at),
            Result = result,
            Detail = detail,
        }));
        return (row.TicketId, row.Recipient);
    }

    private sealed class AttemptTarget
    {
        public long TicketId { get; init; }
        public string Recipient { get; init; } = "";
    }
}
