using Dapper;
using MailTicketing.Storage.Dialects;
using MailTicketing.Tickets.Ports;

namespace MailTicketing.Storage.Repositories;

/// <summary>The IMAP checkpoints (migration 0004): one row per folder read.</summary>
internal sealed class ImapCheckpointRepository(SqlContext sql)
{
    public async Task<ImapCheckpoint?> GetAsync(string source)
    {
        const string select = """
            SELECT source AS Source, mailbox AS Mailbox, uid_validity AS UidValidity, last_uid AS LastUid, updated_at AS UpdatedAt,
                   previous_uid_validity AS PreviousUidValidity, uid_validity_changed_at AS UidValidityChangedAt, rescans AS Rescans
            FROM imap_checkpoints WHERE source = @Source
            """;
        var row = await sql.Connection.QuerySingleOrDefaultAsync<Row>(sql.Command(select, new { Source = source }));
        return row is null ? null : new ImapCheckpoint(row.Source, row.Mailbox, row.UidValidity, row.LastUid, UnixTime.FromMs(row.UpdatedAt))
        {
            PreviousUidValidity = row.PreviousUidValidity,
            UidValidityChangedAt = UnixTime.FromMs(row.UidValidityChangedAt),
            Rescans = (int)row.Rescans,
        };
    }

    public Task SaveAsync(ImapCheckpoint checkpoint)
    {
        const string upsert = """
            INSERT INTO imap_checkpoints (source, mailbox, uid_validity, last_uid, updated_at, previous_uid_validity, uid_validity_changed_at, rescans)
            VALUES (@Source, @Mailbox, @UidValidity, @LastUid, @UpdatedAt, @PreviousUidValidity, @UidValidityChangedAt, @Rescans)
            ON CONFLICT (source) DO UPDATE SET
                mailbox = excluded.mailbox, uid_validity = excluded.uid_validity, last_uid = excluded.last_uid, updated_at = excluded.updated_at,
                previous_uid_validity = excluded.previous_uid_validity, uid_validity_changed_at = excluded.uid_validity_changed_at, rescans = excluded.rescans
            """;
        return sql.Connection.ExecuteAsync(sql.Command(upsert, new
        {
            checkpoint.Source,
            checkpoint.Mailbox,
            checkpoint.UidValidity,
            checkpoint.LastUid,
            UpdatedAt = UnixTime.ToMs(checkpoint.UpdatedAt),
            checkpoint.PreviousUidValidity,
            UidValidityChangedAt = UnixTime.ToMs(checkpoint.UidValidityChangedAt),
            checkpoint.Rescans,
        }));
    }

    private sealed class Row
    {
        public string Source { get; init; } = "";
        public string Mailbox { get; init; } = "";
        public long UidValidity { get; init; }
        public long LastUid { get; init; }
        public long UpdatedAt { get; init; }
        public long? PreviousUidValidity { get; init; }
        public long? UidValidityChangedAt { get; init; }
        public long Rescans { get; init; }
    }
}
