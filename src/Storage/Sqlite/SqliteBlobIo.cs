using System.Buffers;
using Dapper;
using MailTicketing.Storage.Dialects;
using Microsoft.Data.Sqlite;

namespace MailTicketing.Storage.Sqlite;

/// <summary>
/// Blob rows in SQLite. Small blobs are bound as one parameter; large ones are inserted as a
/// zeroblob of the right length and filled through incremental blob I/O, so a 20 MB attachment
/// never has to be one 20 MB array.
/// </summary>
internal static class SqliteBlobIo
{
    private const int ChunkSize = 81920;

    public static async Task<bool> InsertAsync(SqlContext sql, BlobHeader header, Stream storedBytes)
    {
        if (header.StoredSize <= SqliteDialect.InlineBlobLimit)
        {
            byte[] data;
            if (storedBytes is MemoryStream { Position: 0 } memory && memory.TryGetBuffer(out var lent) && lent.Offset == 0 && lent.Count == header.StoredSize && lent.Array!.Length == lent.Count)
            {
                data = lent.Array;
            }
            else
            {
                data = new byte[header.StoredSize];
                await storedBytes.ReadExactlyAsync(data, sql.Token);
            }

            const string insertInline = """
                INSERT INTO blobs (sha256, compression, size, stored_size, created_at, data)
                VALUES (@Sha256, @Compression, @Size, @StoredSize, @CreatedAt, @Data)
                ON CONFLICT (sha256) DO NOTHING
                """;
            var inserted = await sql.Connection.ExecuteAsync(sql.Command(insertInline, new
            {
                header.Sha256,
                header.Compression,
                header.Size,
                header.StoredSize,
                header.CreatedAt,
                Data = data,
            }));
            return inserted == 1;
        }

        const string insertEmpty = """
            INSERT INTO blobs (sha256, compression, size, stored_size, created_at, data)
            VALUES (@Sha256, @Compression, @Size, @StoredSize, @CreatedAt, zeroblob(@StoredSize))
            ON CONFLICT (sha256) DO NOTHING
            RETURNING rowid
            """;
        var rowId = await sql.Connection.QuerySingleOrDefaultAsync<long?>(sql.Command(insertEmpty, new
        {
            header.Sha256,
            header.Compression,
            header.Size,
            header.StoredSize,
            header.CreatedAt,
        }));
        if (rowId is null)
        {
            return false;
        }

        using var blob = new SqliteBlob(SqliteDialect.Native(sql.Connection), "blobs", "data", rowId.Value);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await storedBytes.ReadAsync(buffer.AsMemory(0, ChunkSize), sql.Token)) > 0)
            {
                blob.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (blob.Position != header.StoredSize)
        {
            throw new InvalidOperationException($"Blob {header.Sha256}: wrote {blob.Position} of {header.StoredSize} bytes.");
        }

        return true;
    }

    public static async Task<(BlobHeader Header, Stream StoredBytes)?> OpenAsync(SqlContext sql, string sha256)
    {
        const string select = """
            SELECT rowid AS RowId, sha256 AS Sha256, compression AS Compression, size AS Size,
                   stored_size AS StoredSize, created_at AS CreatedAt
            FROM blobs
            WHERE sha256 = @Sha256
            """;
        var row = await sql.Connection.QuerySingleOrDefaultAsync<BlobLocation>(sql.Command(select, new { Sha256 = sha256 }));
        if (row is null)
        {
            return null;
        }

        var header = new BlobHeader(row.Sha256, row.Compression, row.Size, row.StoredSize, row.CreatedAt);
        var stream = new SqliteBlob(SqliteDialect.Native(sql.Connection), "blobs", "data", row.RowId, readOnly: true);
        return (header, stream);
    }

    private sealed class BlobLocation
    {
        public long RowId { get; init; }
        public string Sha256 { get; init; } = "";
        public string Compression { get; init; } = "";
        public long Size { get; init; }
        public long StoredSize { get; init; }
        public long CreatedAt { get; init; }
    }
}
