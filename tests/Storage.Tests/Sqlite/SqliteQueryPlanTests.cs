using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using MailTicketing.Storage.Dialects;
using MailTicketing.Storage.Repositories;
using MailTicketing.Storage.Sqlite;
using MailTicketing.Storage.Store;
using MailTicketing.Storage.Tests.Support;
using MailTicketing.Tickets.Model;
using Microsoft.Data.Sqlite;

namespace MailTicketing.Storage.Tests.Sqlite;

/// <summary>
/// Every statement ingestion runs, and the outbox and export reads, must find rows through an
/// index: a full scan would make ingestion slower as tickets accumulate. The statements are the
/// ones the code actually ran (traced, parameters expanded), each asked for its plan.
/// </summary>
public sealed partial class SqliteQueryPlanTests : IAsyncLifetime
{
    private readonly SqliteProvider _provider = new();
    private readonly ManualClock _clock = new(Samples.T0);
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = _provider.Open(Path.Combine(_provider.Folder, "plans.db"), _clock);
        await _database.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Fact]
    public async Task Every_statement_of_an_ingestion_session_uses_an_index()
    {
        var store = _database.CreateTicketStore();
        var (earlier, _) = await SeedTicketAsync(store);
        var (raw, rawBytes) = Samples.Content("raw mail");
        var (shot, shotBytes) = Samples.Content("screenshot");

        await using var lease = await _database.Dialect.OpenAsync(CancellationToken.None);
        var connection = SqliteDialect.Native(lease);
        await using var transaction = await _database.Dialect.BeginWriteAsync(lease, CancellationToken.None);
        await using var session = new TicketSession(new SqlContext(lease, transaction, CancellationToken.None), _database.Dialect, _clock);
        using var trace = new StatementTrace(connection);

        // The lookups and writes of one ingested message, as the pipeline makes them.
        await session.IsSourceItemDoneAsync("maildir:/m", "cur/2");
        await session.HasDeliveryAsync("support", raw);
        await session.PutBlobAsync(raw, new MemoryStream(rawBytes), compress: true);
        await session.PutBlobAsync(shot, new MemoryStream(shotBytes), compress: false);
        await session.FindMessageByMessageIdAsync("<parent@x>", MessageDirection.Outbound);
        await session.FindMessageByMessageIdAsync("<parent@x>");
        var (preparedSha, preparedBytes) = Samples.Content("raw message prepared ahead");
        await session.PutBlobAsync(store.PrepareBlob(preparedSha, preparedBytes, compress: true));
        await session.FindTicketAsync(new TicketNumber("SUP", 1));
        await session.FindTicketByIdAsync(earlier);
        await session.IsParticipantAsync(earlier, Samples.Alice);
        await session.FindOpenTicketsWithIdentifierAsync(Samples.Alice, IdentifierKind.TransactionId, "0xabc", Samples.T0.AddDays(-7));
        await session.FindRecentInboundTextsAsync(Samples.Alice, Samples.T0.AddDays(-7), 20);
        await session.IsSuppressedAsync(Samples.Alice);
        await session.CountOutboxSinceAsync(Samples.Alice, Samples.T0.AddHours(-1));
        var number = await session.AllocateTicketNumberAsync("SUP");
        var id = await session.InsertTicketAsync(Samples.Ticket(number, linkedTicketId: earlier));
        await session.AddTicketMailboxAsync(id, "security");
        await session.AddIdentifiersAsync(id, [new Identifier(IdentifierKind.TransactionId, "0xabc", "evm")]);
        await session.AddParticipantAsync(id, Samples.Alice);
        var message = await session.InsertMessageAsync(Samples.Message(
            id, "<new@x>", rawSha256: raw, attachments: [new StoredAttachment("a.png", "image/png", 10, shot, null, "inline")]));
        await session.AddEventAsync(id, Samples.T0, "created", "new ticket");
        var ack = await session.InsertMessageAsync(Samples.Message(id, "<ack@x>", MessageDirection.Outbound, "support@x"));
        await session.EnqueueOutboxAsync(Samples.Outbox(id, ack));
        await session.UpdateTicketAsync(id, TicketStatus.Submitted, TicketFlags.SecretsRedacted, Samples.T0);
        await session.RecordDeliveryAsync("support", raw, id, message, Samples.T0);
        await session.RecordSourceItemAsync("maildir:/m", "cur/2", "ticket SUP-000002", Samples.T0);
        await session.SuppressAddressAsync("bounced@x", "5.1.1", id, Samples.T0);
        var quarantined = await session.QuarantineAsync(Samples.Quarantine(raw));
        await session.MarkQuarantineReplayedAsync(quarantined, Samples.T0);

        await AssertIndexedAsync(connection, trace.Statements, expectedAtLeast: 27);
    }

    [Fact]
    public async Task Due_outbox_rows_and_export_batches_are_read_through_indexes()
    {
        var store = _database.CreateTicketStore();
        var (ticket, _) = await SeedTicketAsync(store);

        await using var lease = await _database.Dialect.OpenAsync(CancellationToken.None);
        var connection = SqliteDialect.Native(lease);
        var sql = new SqlContext(lease, null, CancellationToken.None);
        using var trace = new StatementTrace(connection);

        await new OutboxRepository(sql).DueAsync(Samples.T0, 50);
        var page = await new TicketRepository(sql).PageInNumberOrderAsync("SUP", 0, 200);
        await TicketDetailsReader.ReadAsync(sql, page);
        await new TicketRepository(sql).FindByNumberAsync(new TicketNumber("SUP", 1));

        Assert.Contains(page, row => row.Id == ticket);
        await AssertIndexedAsync(connection, trace.Statements, expectedAtLeast: 9);
    }

    private static async Task<(long Id, TicketNumber Number)> SeedTicketAsync(Tickets.Ports.ITicketStore store)
    {
        await using var session = await store.BeginAsync(CancellationToken.None);
        var number = await session.AllocateTicketNumberAsync("SUP");
        var id = await session.InsertTicketAsync(Samples.Ticket(number));
        var message = await session.InsertMessageAsync(Samples.Message(id, "<parent@x>"));
        await session.EnqueueOutboxAsync(Samples.Outbox(id, message));
        await session.CommitAsync();
        return (id, number);
    }

    private static async Task AssertIndexedAsync(SqliteConnection connection, IReadOnlyList<string> statements, int expectedAtLeast)
    {
        Assert.True(statements.Count >= expectedAtLeast, $"Only {statements.Count} statements were traced.");
        var report = new StringBuilder();
        foreach (var statement in statements)
        {
            // The plan of an INSERT … RETURNING into a parent table lists scans of child tables
            // whose key has no index: SQLite compiles them to settle orphan rows, but guards them
            // with FkIfZero, so they run only when the statement itself breaks a foreign key.
            if (statement.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var plan = (await connection.QueryAsync<PlanRow>("EXPLAIN QUERY PLAN " + statement)).Select(row => row.Detail).ToList();
            var scans = plan.Where(detail => FullScan().IsMatch(detail)).ToList();
            if (scans.Count > 0)
            {
                report.AppendLine($"{string.Join("; ", scans)}  <=  {statement}");
            }
        }

        if (Environment.GetEnvironmentVariable("DUMP_PLANS") == "1")
        {
            foreach (var statement in statements)
            {
                var plan = (await connection.QueryAsync<PlanRow>("EXPLAIN QUERY PLAN " + statement)).Select(row => row.Detail);
                report.AppendLine($"{string.Join("; ", plan)}  <=  {statement.ReplaceLineEndings(" ")[..Math.Min(150, statement.Length)]}");
            }
        }

        Assert.True(report.Length == 0, "Statements that scan a whole table or index:\n" + report);
    }

    // "SCAN t" / "SCAN TABLE t" (3.35) reads every row; "SEARCH" is an index lookup; the
    // "SCAN CONSTANT ROW" of SELECT EXISTS (…) reads nothing.
    [GeneratedRegex(@"^SCAN (TABLE )?(?!CONSTANT ROW)\w+")]
    private static partial Regex FullScan();

    private sealed class PlanRow
    {
        public long Id { get; init; }
        public long Parent { get; init; }
        public long Notused { get; init; }
        public string Detail { get; init; } = "";
    }
}
