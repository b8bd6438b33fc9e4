using Microsoft.Data.Sqlite;

namespace MailTicketing.Bench.Ingest;

/// <summary>Row counts read straight from the database file: the evidence for exactly-once.</summary>
internal sealed record DatabaseCounts(
    long Tickets,
    long InboundMessages,
    long OutboundMessages,
    long Deliveries,
    long SourceItems,
    long Outbox,
    long Quarantined,
    long Identifiers,
    long Events,
    long Blobs,
    long FileBytes,
    IReadOnlyDictionary<string, long> Reasons,
    IReadOnlyDictionary<string, long> Sequences)
{
    public static DatabaseCounts Read(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        long Scalar(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        Dictionary<string, long> Pairs(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var pairs = new Dictionary<string, long>();
            while (reader.Read())
            {
                pairs[reader.GetString(0)] = reader.GetInt64(1);
            }

            return pairs;
        }

        var wal = databasePath + "-wal";
        return new DatabaseCounts(
            Scalar("SELECT count(*) FROM tickets"),
            Scalar("SELECT count(*) FROM messages WHERE direction = 'Inbound'"),
            Scalar("SELECT count(*) FROM messages WHERE direction = 'Outbound'"),
            Scalar("SELECT count(*) FROM deliveries"),
            Scalar("SELECT count(*) FROM source_items"),
            Scalar("SELECT count(*) FROM outbox"),
            Scalar("SELECT count(*) FROM quarantine"),
            Scalar("SELECT count(*) FROM ticket_identifiers"),
            Scalar("SELECT count(*) FROM ticket_events"),
            Scalar("SELECT count(*) FROM blobs"),
            new FileInfo(databasePath).Length + (File.Exists(wal) ? new FileInfo(wal).Length : 0),
            Pairs("SELECT reason, count(*) FROM messages WHERE direction = 'Inbound' GROUP BY reason ORDER BY 2 DESC"),
            Pairs("SELECT prefix, last_value FROM ticket_sequences"));
    }

    /// <summary>Moves everything from the WAL into the database file, so the file alone can be copied.</summary>
    public static void Checkpoint(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        command.ExecuteNonQuery();
    }

    public bool SameRows(DatabaseCounts other) =>
        (Tickets, InboundMessages, OutboundMessages, Deliveries, SourceItems, Outbox, Quarantined, Identifiers, Events, Blobs)
        == (other.Tickets, other.InboundMessages, other.OutboundMessages, other.Deliveries, other.SourceItems, other.Outbox, other.Quarantined, other.Identifiers, other.Events, other.Blobs);
}
