using System.Data;
using MailTicketing.Storage.Dialects;
using Npgsql;
using NpgsqlTypes;

namespace MailTicketing.Storage.Postgres;

/// <summary>
/// Blob rows in PostgreSQL (bytea). Npgsql sends a stream parameter straight from the stream and
/// reads a column of a sequential-access reader as a stream off the connection, so a 60 MB raw
/// message is never one 60 MB array on either side — nor two.
/// </summary>
internal static class PostgresBlobIo
{
    public static async Task<bool> InsertAsync(SqlContext sql, BlobHeader header, Stream storedBytes)
    {
        const string insert = """
            INSERT INTO blobs (sha256, compression, size, stored_size, created_at, data)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (sha256) DO NOTHING
            """;
        await using var command = Command(sql, insert);
        command.Parameters.Add(new NpgsqlParameter { Value = header.Sha256, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = header.Compression, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = header.Size, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = header.StoredSize, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = header.CreatedAt, NpgsqlDbType = NpgsqlDbType.Bigint });
        // A seekable stream (the spool is one) is sent from its position to its end, in pieces.
        command.Parameters.Add(new NpgsqlParameter { Value = storedBytes, NpgsqlDbType = NpgsqlDbType.Bytea });
        return await command.ExecuteNonQueryAsync(sql.Token) == 1;
    }

    public static async Task<(BlobHeader Header, Stream StoredBytes)?> OpenAsync(SqlContext sql, string sha256)
    {
        const string select = """
            SELECT compression, size, stored_size, created_at, data
            FROM blobs
            WHERE sha256 = $1
            """;
        var command = Command(sql, select);
        NpgsqlDataReader? reader = null;
        try
        {
            command.Parameters.Add(new NpgsqlParameter { Value = sha256, NpgsqlDbType = NpgsqlDbType.Text });
            // SequentialAccess: the row is not buffered whole; data is read off the wire as the caller reads.
            reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, sql.Token);
            if (!await reader.ReadAsync(sql.Token))
            {
                await reader.DisposeAsync();
                await command.DisposeAsync();
                return null;
            }

            // Sequential access: columns in select order, each once.
            var header = new BlobHeader(
                sha256,
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetInt64(2),
                reader.GetInt64(3));
            var data = await reader.GetStreamAsync(4, sql.Token);
            return (header, new PostgresBlobStream(data, reader, command));
        }
        catch
        {
            if (reader is not null)
            {
                await reader.DisposeAsync();
            }

            await command.DisposeAsync();
            throw;
        }
    }

    private static NpgsqlCommand Command(SqlContext sql, string text) =>
        new(text, (NpgsqlConnection)sql.Connection, (NpgsqlTransaction?)sql.Transaction);
}
