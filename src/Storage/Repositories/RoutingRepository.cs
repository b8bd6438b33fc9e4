using System.Text.Json;
using Dapper;
using MailTicketing.Storage.Dialects;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Routing;

namespace MailTicketing.Storage.Repositories;

/// <summary>A ticket's routing (ticket_routing), and the header change when a follow-up's rules move a ticket.</summary>
internal sealed class RoutingRepository(SqlContext sql)
{
    private const string Columns = """
        ticket_id AS TicketId, sla_policy AS SlaPolicy, assign_group AS AssignGroup, tags AS Tags, fields AS Fields, fired_rules AS FiredRules
        """;

    public Task RerouteAsync(long ticketId, string queue, string? category, TicketPriority priority)
    {
        const string update = "UPDATE tickets SET queue = @Queue, category = @Category, priority = @Priority WHERE id = @TicketId";
        return sql.Connection.ExecuteAsync(sql.Command(update, new { TicketId = ticketId, Queue = queue, Category = category, Priority = priority.ToString() }));
    }

    public async Task<TicketRouting> GetAsync(long ticketId)
    {
        const string select = $"SELECT {Columns} FROM ticket_routing WHERE ticket_id = @TicketId";
        var row = await sql.Connection.QuerySingleOrDefaultAsync<RoutingRow>(sql.Command(select, new { TicketId = ticketId }));
        return row?.ToRouting() ?? TicketRouting.None;
    }

    public Task SaveAsync(long ticketId, TicketRouting routing)
    {
        const string upsert = """
            INSERT INTO ticket_routing (ticket_id, sla_policy, assign_group, tags, fields, fired_rules)
            VALUES (@TicketId, @SlaPolicy, @AssignGroup, @Tags, @Fields, @FiredRules)
            ON CONFLICT (ticket_id) DO UPDATE SET
                sla_policy = excluded.sla_policy, assign_group = excluded.assign_group,
                tags = excluded.tags, fields = excluded.fields, fired_rules = excluded.fired_rules
            """;
        return sql.Connection.ExecuteAsync(sql.Command(upsert, new
        {
            TicketId = ticketId,
            routing.SlaPolicy,
            routing.AssignGroup,
            Tags = JsonSerializer.Serialize(routing.Tags, StorageJsonContext.Default.IReadOnlyListString),
            Fields = JsonSerializer.Serialize(routing.Fields, StorageJsonContext.Default.IReadOnlyDictionaryStringString),
            FiredRules = JsonSerializer.Serialize(routing.FiredRules, StorageJsonContext.Default.IReadOnlyListString),
        }));
    }

    public async Task<IReadOnlyDictionary<long, TicketRouting>> ForTicketsAsync(IReadOnlyList<long> ticketIds)
    {
        const string select = $"SELECT {Columns} FROM ticket_routing WHERE ticket_id IN @Ids";
        var rows = await sql.Connection.QueryAsync<RoutingRow>(sql.Command(select, new { Ids = ticketIds }));
        return rows.ToDictionary(row => row.TicketId, row => row.ToRouting());
    }

    private sealed class RoutingRow
    {
        public long TicketId { get; init; }
        public string? SlaPolicy { get; init; }
        public string? AssignGroup { get; init; }
        public string Tags { get; init; } = "[]";
        public string Fields { get; init; } = "{}";
        public string FiredRules { get; init; } = "[]";

        public TicketRouting ToRouting() => new(
            SlaPolicy,
            AssignGroup,
            JsonSerializer.Deserialize(Tags, StorageJsonContext.Default.IReadOnlyListString) ?? [],
            JsonSerializer.Deserialize(Fields, StorageJsonContext.Default.IReadOnlyDictionaryStringString) ?? new Dictionary<string, string>(),
            JsonSerializer.Deserialize(FiredRules, StorageJsonContext.Default.IReadOnlyListString) ?? []);
    }
}
