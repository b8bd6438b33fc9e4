using Dapper;
using MailTicketing.Storage.Dialects;
using MailTicketing.Storage.Rows;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Storage.Repositories;

/// <summary>Ticket header rows and their number sequences.</summary>
internal sealed class TicketRepository(SqlContext sql)
{
    public async Task<TicketNumber> AllocateNumberAsync(string prefix)
    {
        var normalized = prefix.ToUpperInvariant();
        if (normalized.Length == 0 || !normalized.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"Ticket prefix '{prefix}' must be ASCII letters and digits.", nameof(prefix));
        }

        // One statement, inside the session's write transaction: gap-free, and rolled back with it.
        const string next = """
            INSERT INTO ticket_sequences (prefix, last_value) VALUES (@Prefix, 1)
            ON CONFLICT (prefix) DO UPDATE SET last_value = ticket_sequences.last_value + 1
            RETURNING last_value
            """;
        var sequence = await sql.Connection.QuerySingleAsync<long>(sql.Command(next, new { Prefix = normalized }));
        return new TicketNumber(normalized, sequence);
    }

    public async Task<long> InsertAsync(NewTicket ticket)
    {
        const string insert = """
            INSERT INTO tickets (number, prefix, sequence, mailbox, queue, category, priority, status,
                                 customer_address, subject, language, flags, created_at, updated_at, linked_ticket_id, status_since)
            VALUES (@Number, @Prefix, @Sequence, @Mailbox, @Queue, @Category, @Priority, @Status,
                    @CustomerAddress, @Subject, @Language, @Flags, @CreatedAt, @CreatedAt, @LinkedTicketId, @CreatedAt)
            RETURNING id
            """;
        var id = await sql.Connection.QuerySingleAsync<long>(sql.Command(insert, new
        {
            Number = ticket.Number.ToString(),
            ticket.Number.Prefix,
            ticket.Number.Sequence,
            ticket.Mailbox,
            ticket.Queue,
            ticket.Category,
            Priority = ticket.Priority.ToString(),
            Status = nameof(TicketStatus.Submitted),
            ticket.CustomerAddress,
            ticket.Subject,
            ticket.Language,
            Flags = EnumText.FormatFlags(ticket.Flags),
            CreatedAt = UnixTime.ToMs(ticket.CreatedAt),
            ticket.LinkedTicketId,
        }));
        return id;
    }

    public async Task UpdateAsync(long ticketId, TicketStatus status, TicketFlags flags, DateTimeOffset updatedAt)
    {
        // A status change goes into the history the SLA clocks read; the same status again does not.
        const string history = """
            INSERT INTO ticket_status_changes (ticket_id, at, status)
            SELECT id, @UpdatedAt, @Status FROM tickets WHERE id = @Id AND status <> @Status
            """;
        // In SET, status still names the old value (SQL evaluates every expression before assigning).
        const string update = """
            UPDATE tickets SET status = @Status, flags = @Flags, updated_at = @UpdatedAt,
                               status_since = CASE WHEN status <> @Status THEN @UpdatedAt ELSE status_since END
            WHERE id = @Id
            """;
        var parameters = new
        {
            Id = ticketId,
            Status = status.ToString(),
            Flags = EnumText.FormatFlags(flags),
            UpdatedAt = UnixTime.ToMs(updatedAt),
        };
        await sql.Connection.ExecuteAsync(sql.Command(history, parameters));
        var changed = await sql.Connection.ExecuteAsync(sql.Command(update, parameters));
        if (changed != 1)
        {
            throw new InvalidOperationException($"There is no ticket with id {ticketId}.");
        }
    }

    /// <summary>Sets the first-response time unless one is set; false when it was.</summary>
    public async Task<bool> RecordFirstResponseAsync(long ticketId, DateTimeOffset at)
    {
        const string update = "UPDATE tickets SET first_response_at = @At WHERE id = @Id AND first_response_at IS NULL";
        return await sql.Connection.ExecuteAsync(sql.Command(update, new { Id = ticketId, At = UnixTime.ToMs(at) })) == 1;
    }

    public Task<TicketRow?> FindByNumberAsync(TicketNumber number)
    {
        const string select = $"""
            SELECT {TicketColumns.Select}
            FROM {TicketColumns.From}
            WHERE t.prefix = @Prefix AND t.sequence = @Sequence
            """;
        return sql.Connection.QuerySingleOrDefaultAsync<TicketRow?>(sql.Command(select, new { number.Prefix, number.Sequence }));
    }

    public Task<TicketRow?> FindByIdAsync(long ticketId)
    {
        const string select = $"""
            SELECT {TicketColumns.Select}
            FROM {TicketColumns.From}
            WHERE t.id = @Id
            """;
        return sql.Connection.QuerySingleOrDefaultAsync<TicketRow?>(sql.Command(select, new { Id = ticketId }));
    }

    public Task<TicketRow?> FindOpenLinkedToAsync(long closedTicketId)
    {
        // Driven by ix_tickets_linked.
        const string select = $"""
            SELECT {TicketColumns.Select}
            FROM {TicketColumns.From}
            WHERE t.linked_ticket_id = @Linked AND t.status <> 'Closed'
            ORDER BY t.id DESC
            LIMIT 1
            """;
        return sql.Connection.QuerySingleOrDefaultAsync<TicketRow?>(sql.Command(select, new { Linked = closedTicketId }));
    }

    public async Task<IReadOnlyList<TicketRecord>> FindOpenWithIdentifierAsync(
        string customerAddress, IdentifierKind kind, string value, DateTimeOffset since)
    {
        // Driven by ix_ticket_identifiers_value: a value names few tickets, whatever the table size.
        const string select = $"""
            SELECT {TicketColumns.Select}
            FROM ticket_identifiers i
            JOIN tickets t ON t.id = i.ticket_id
            LEFT JOIN tickets l ON l.id = t.linked_ticket_id
            WHERE i.kind = @Kind AND i.value = @Value
              AND t.customer_address = @Customer
              AND t.status <> 'Closed'
              AND t.updated_at >= @Since
            ORDER BY t.updated_at DESC, t.id DESC
            """;
        var rows = await sql.Connection.QueryAsync<TicketRow>(sql.Command(select, new
        {
            Kind = kind.ToString(),
            Value = value,
            Customer = customerAddress,
            Since = UnixTime.ToMs(since),
        }));
        return [.. rows.Select(row => row.ToRecord())];
    }

    public async Task<IReadOnlyList<TicketRow>> ListAsync(TicketQuery query)
    {
        const string select = $"""
            SELECT {TicketColumns.Select}
            FROM {TicketColumns.From}
            WHERE (@Mailbox IS NULL OR t.mailbox = @Mailbox OR EXISTS (
                      SELECT 1 FROM ticket_mailboxes m WHERE m.ticket_id = t.id AND m.mailbox = @Mailbox))
              AND (@Status IS NULL OR t.status = @Status)
              AND (@Customer IS NULL OR t.customer_address = @Customer)
            ORDER BY t.id DESC
            LIMIT @Limit
            """;
        var rows = await sql.Connection.QueryAsync<TicketRow>(sql.Command(select, new
        {
            query.Mailbox,
            Status = query.Status?.ToString(),
            query.Customer,
            Limit = Math.Max(0, query.Limit),
        }));
        return [.. rows];
    }

    /// <summary>The next tickets in number order after (prefix, sequence); start with ("", 0).</summary>
    public async Task<IReadOnlyList<TicketRow>> PageInNumberOrderAsync(string afterPrefix, long afterSequence, int limit)
    {
        const string select = $"""
            SELECT {TicketColumns.Select}
            FROM {TicketColumns.From}
            WHERE (t.prefix, t.sequence) > (@Prefix, @Sequence)
            ORDER BY t.prefix, t.sequence
            LIMIT @Limit
            """;
        var rows = await sql.Connection.QueryAsync<TicketRow>(sql.Command(select, new
        {
            Prefix = afterPrefix,
            Sequence = afterSequence,
            Limit = limit,
        }));
        return [.. rows];
    }
}
