using System.Security.Cryptography;
using MailTicketing.Tickets.Ports;

namespace MailTicketing.Tickets.Ingestion;

/// <summary>
/// A message's raw bytes, hashed. Messages up to 4 MiB are read once into memory and served
/// from there (hashing, storing and parsing each read them); larger ones are hashed by
/// streaming and re-opened from their source, so a 60 MB message never sits in the heap.
/// </summary>
internal sealed class RawMessage
{
    private const int InMemoryLimit = 4 * 1024 * 1024;

    private readonly byte[]? _bytes;
    private readonly Func<Stream> _open;

    private RawMessage(string sha256, long size, byte[]? bytes, Func<Stream> open, PreparedBlob? blob = null)
    {
        Sha256 = sha256;
        Size = size;
        _bytes = bytes;
        _open = open;
        Blob = blob;
    }

    public string Sha256 { get; }

    public long Size { get; }

    /// <summary>The bytes, when they are held in memory (up to 4 MiB); null for larger messages.</summary>
    public byte[]? Bytes => _bytes;

    /// <summary>The bytes made ready for the blob store, when they are held in memory and could be made ready.</summary>
    public PreparedBlob? Blob { get; }

    public Stream Open() => _bytes is not null ? new MemoryStream(_bytes, writable: false) : _open();

    /// <param name="prepare">
    /// Hashes and encodes bytes held in memory for the blob store, so the one SHA-256 pass serves
    /// as the message's hash too; null (or returning null) to hash here.
    /// </param>
    public static RawMessage Read(IncomingMail mail, Func<byte[], PreparedBlob?>? prepare = null)
    {
        using var stream = mail.Open();
        if (stream.CanSeek && stream.Length <= InMemoryLimit)
        {
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            var blob = prepare?.Invoke(bytes);
            return new RawMessage(blob?.Sha256 ?? Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length, bytes, mail.Open, blob);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        long size = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            size += read;
        }

        return new RawMessage(Convert.ToHexStringLower(hash.GetHashAndReset()), size, null, mail.Open);
    }
}
