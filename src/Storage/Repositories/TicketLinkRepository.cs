using Dapper;
using MailTicketing.Storage.Dialects;
using MailTicketing.Storage.Rows;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Storage.Repositories;

/// <summary>What hangs off a ticket besides its messages: mailboxes, identifiers, participants, events.</summary>
internal sealed class TicketLinkRepository(SqlContext sql)
{
    /// <summary>Lists the ticket in another mailbox; its own mailbox (tickets.mailbox) is never added.</summary>
    public Task AddMailboxAsync(long ticketId, string mailbox)
    {
        const string insert = """
            INSERT INTO ticket_mailboxes (ticket_id, mailbox)
            SELECT id, @Mailbox FROM tickets WHERE id = @TicketId AND mailbox <> @Mailbox
            ON CONFLICT DO NOTHING
            """;
        return sql.Connection.ExecuteAsync(sql.Command(insert, new { TicketId = ticketId, Mailbox = mailbox }));
    }

    public Task AddIdentifiersAsync(long ticketId, IEnumerable<Identifier> identifiers)
    {
        // The first chain seen for a value stays; a second mention of the same value is a no-op.
        const string insert = """
            INSERT INTO ticket_identifiers (ticket_id, kind, value, chain) VALUES (@TicketId, @Kind, @Value, @Chain)
            ON CONFLICT DO NOTHING
            """;
        var rows = identifiers
            .Select(identifier => new { TicketId = ticketId, Kind = identifier.Kind.ToString(), identifier.Value, identifier.Chain })
            .ToList();
        return rows.Count == 0 ? Task.CompletedTask : sql.Connection.ExecuteAsync(sql.Command(insert, rows));
    }

    public Task AddParticipantAsync(long ticketId, string address)
    {
        const string insert = """
            INSERT INTO ticket_participants (ticket_id, address) VALUES (@TicketId, @Address)
            ON CONFLICT DO NOTHING
            """;
        return sql.Connection.ExecuteAsync(sql.Command(insert, new { TicketId = ticketId, Address = address }));
    }

    public Task<bool> IsParticipantAsync(long ticketId, string address)
    {
        const string select = """
            SELECT EXISTS (SELECT 1 FROM ticket_participants WHERE ticket_id = @TicketId AND address = @Address)
            """;
        return sql.Connection.ExecuteScalarAsync<bool>(sql.Command(select, new { TicketId = ticketId, Address = address }));
    }

    public Task AddEventAsync(long ticketId, DateTimeOffset at, string kind, string detail)
    {
        const string insert = """
            INSERT INTO ticket_events (ticket_id, at, kind, detail) VALUES (@TicketId, @At, @Kind, @Detail)
            """;
        return sql.Connection.ExecuteAsync(sql.Command(insert, new
        {
            TicketId = ticketId,
            At = UnixTime.ToMs(at),
            Kind = kind,
            Detail = detail,
        }));
    }

    public async Task<ILookup<long, string>> MailboxesAsync(IReadOnlyList<long> ticketIds)
    {
        const string select = """
            SELECT ticket_id AS TicketId, mailbox AS Value FROM ticket_mailboxes
            WHERE ticket_id IN @Ids ORDER BY ticket_id, mailbox
            """;
        var rows = await sql.Connection.QueryAsync<TicketChildRow>(sql.Command(select, new { Ids = ticketIds }));
        return rows.ToLookup(row => row.TicketId, row => row.Value ?? "");
    }

    public async Task<ILookup<long, Identifier>> IdentifiersAsync(IReadOnlyList<long> ticketIds)
    {
        const string select = """
            SELECT ticket_id AS TicketId, kind AS Kind, value AS Value, chain AS Chain FROM ticket_identifiers
            WHERE ticket_id IN @Ids ORDER BY ticket_id, kind, value
            """;
        var rows = await sql.Connection.QueryAsync<TicketChildRow>(sql.Command(select, new { Ids = ticketIds }));
        return rows.ToLookup(row => row.TicketId, row => row.ToIdentifier());
    }

    public async Task<ILookup<long, string>> ParticipantsAsync(IReadOnlyList<long> ticketIds)
    {
        const string select = """
            SELECT ticket_id AS TicketId, address AS Value FROM ticket_participants
            WHERE ticket_id IN @Ids ORDER BY ticket_id, address
            """;
        var rows = await sql.Connection.QueryAsync<TicketChildRow>(sql.Command(select, new { Ids = ticketIds }));
        return rows.ToLookup(row => row.TicketId, row => row.Value ?? "");
    }

    public async Task<ILookup<long, TicketEvent>> EventsAsync(IReadOnlyList<long> ticketIds)
    {
        const string select = """
            SELECT ticket_id AS TicketId, at AS At, kind AS Kind, detail AS Detail FROM ticket_events
            WHERE ticket_id IN @Ids ORDER BY ticket_id, id
            """;
        var rows = await sql.Connection.QueryAsync<TicketChildRow>(sql.Command(select, new { Ids = ticketIds }));
        return rows.ToLookup(row => row.TicketId, row => row.ToEvent());
    }
}
