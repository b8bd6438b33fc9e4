using Dapper;
using MailTicketing.Storage.Blobs;
using MailTicketing.Storage.Dialects;
using MailTicketing.Storage.Rows;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Storage.Repositories;

/// <summary>Messages kept raw with the reason they could not become ticket messages.</summary>
internal sealed class QuarantineRepository(SqlContext sql)
{
    private const string Columns = """
        id AS Id, mailbox AS Mailbox, source AS Source, source_key AS SourceKey, raw_sha256 AS RawSha256, size AS Size,
        reason AS Reason, detail AS Detail, received_at AS ReceivedAt, quarantined_at AS QuarantinedAt, replayed_at AS ReplayedAt
        """;

    /// <summary>
    /// One row per source item: quarantining an item again (its replay failed once more) keeps the
    /// row and its id, with the latest reason, and makes it pending again.
    /// </summary>
    public Task<long> UpsertAsync(QuarantineItem item, DateTimeOffset quarantinedAt)
    {
        const string upsert = """
            INSERT INTO quarantine (mailbox, source, source_key, raw_sha256, size, reason, detail, received_at, quarantined_at)
            VALUES (@Mailbox, @Source, @SourceKey, @RawSha256, @Size, @Reason, @Detail, @ReceivedAt, @QuarantinedAt)
            ON CONFLICT (source, source_key) DO UPDATE SET
                mailbox = excluded.mailbox, raw_sha256 = excluded.raw_sha256, size = excluded.size,
                reason = excluded.reason, detail = excluded.detail, received_at = excluded.received_at,
                quarantined_at = excluded.quarantined_at, replayed_at = NULL
            RETURNING id
            """;
        return sql.Connection.QuerySingleAsync<long>(sql.Command(upsert, new
        {
            item.Mailbox,
            item.Source,
            item.SourceKey,
            RawSha256 = BlobKey.Normalize(item.RawSha256),
            item.Size,
            item.Reason,
            item.Detail,
            ReceivedAt = UnixTime.ToMs(item.ReceivedAt),
            QuarantinedAt = UnixTime.ToMs(quarantinedAt),
        }));
    }

    public async Task MarkReplayedAsync(long quarantineId, DateTimeOffset at)
    {
        const string update = "UPDATE quarantine SET replayed_at = @At WHERE id = @Id";
        var changed = await sql.Connection.ExecuteAsync(sql.Command(update, new { Id = quarantineId, At = UnixTime.ToMs(at) }));
        if (changed != 1)
        {
            throw new InvalidOperationException($"There is no quarantine entry with id {quarantineId}.");
        }
    }

    public async Task<IReadOnlyList<QuarantineEntry>> ListAsync(bool includeReplayed)
    {
        const string select = $"""
            SELECT {Columns}
            FROM quarantine
            WHERE @IncludeReplayed OR replayed_at IS NULL
            ORDER BY id
            """;
        var rows = await sql.Connection.QueryAsync<QuarantineRow>(sql.Command(select, new { IncludeReplayed = includeReplayed }));
        return [.. rows.Select(row => row.ToEntry())];
    }

    public async Task<QuarantineEntry?> GetAsync(long id)
    {
        const string select = $"SELECT {Columns} FROM quarantine WHERE id = @Id";
        var row = await sql.Connection.QuerySingleOrDefaultAsync<QuarantineRow?>(sql.Command(select, new { Id = id }));
        return row?.ToEntry();
    }
}
