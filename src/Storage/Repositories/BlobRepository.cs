using System.Buffers;
using System.Security.Cryptography;
using Dapper;
using MailTicketing.Storage.Blobs;
using MailTicketing.Storage.Dialects;

namespace MailTicketing.Storage.Repositories;

/// <summary>Content-addressed blobs: raw messages (compressed) and attachments.</summary>
internal sealed class BlobRepository(SqlContext sql, ISqlDialect dialect, TimeProvider clock)
{
    // Encoded blobs up to this size are spooled in memory, larger ones in a temporary file.
    private const int SpoolMemoryLimit = 1 << 20;
    private const int ChunkSize = 81920;

    public async Task PutAsync(string sha256, Stream content, bool compress)
    {
        var key = BlobKey.Normalize(sha256);
        const string exists = "SELECT EXISTS (SELECT 1 FROM blobs WHERE sha256 = @Sha256)";
        if (await sql.Connection.ExecuteScalarAsync<bool>(sql.Command(exists, new { Sha256 = key })))
        {
            // Present already: the content is not even read.
            return;
        }

        await using var spool = new SpoolStream(SpoolMemoryLimit);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var target = compress ? BlobCodec.Encoder(spool) : spool;
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, ChunkSize), sql.Token)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                size += read;
                await target.WriteAsync(buffer.AsMemory(0, read), sql.Token);
            }

            if (compress)
            {
                await target.DisposeAsync();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        // Content addressing is only as good as the key: refuse bytes that do not match it.
        var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (actual != key)
        {
            throw new ArgumentException($"The content's SHA-256 is {actual}, not {key}.", nameof(sha256));
        }

        spool.Position = 0;
        var header = new BlobHeader(
            key,
            compress ? BlobCodec.Brotli : BlobCodec.None,
            size,
            spool.Length,
            UnixTime.ToMs(clock.GetUtcNow()));
        await dialect.InsertBlobAsync(sql, header, spool);
    }

    /// <summary>
    /// Stores a blob hashed and encoded ahead (<see cref="BlobCodec.Prepare(string, byte[], bool)"/>) unless present. No
    /// lookup first: the work a lookup would save is done, and the insert ignores a present key.
    /// </summary>
    public async Task PutAsync(EncodedBlob blob)
    {
        var header = new BlobHeader(blob.Sha256, blob.Compression, blob.Content.LongLength, blob.StoredLength, UnixTime.ToMs(clock.GetUtcNow()));
        await using var stored = blob.OpenStored();
        await dialect.InsertBlobAsync(sql, header, stored);
    }

    /// <summary>Opens a blob on a connection of its own, which the returned stream owns.</summary>
    public static async Task<Stream?> OpenAsync(ISqlDialect dialect, string sha256, CancellationToken cancellationToken)
    {
        if (!BlobKey.TryNormalize(sha256, out var key))
        {
            return null;
        }

        var connection = await dialect.OpenAsync(cancellationToken);
        try
        {
            var found = await dialect.OpenBlobAsync(new SqlContext(connection, null, cancellationToken), key);
            if (found is not { } blob)
            {
                await connection.DisposeAsync();
                return null;
            }

            var decoded = BlobCodec.Decoder(blob.Header.Compression, blob.StoredBytes);
            return new BlobReadStream(decoded, blob.Header.Size, [connection]);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
