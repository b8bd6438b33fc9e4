using MailTicketing.Tickets.Ports;

namespace MailTicketing.Storage.Blobs;

/// <summary>A blob hashed, checked against its key and encoded ahead of its transaction (see <see cref="BlobCodec.Prepare(string, byte[], bool)"/>).</summary>
internal sealed class EncodedBlob(string key, byte[] content, bool compress, string compression, byte[] stored)
    : PreparedBlob(key, content, compress)
{
    public string Compression { get; } = compression;

    public long StoredLength => stored.LongLength;

    /// <summary>The stored bytes as a stream that lends its buffer (bound as one parameter without a copy).</summary>
    public MemoryStream OpenStored() => new(stored, 0, stored.Length, writable: false, publiclyVisible: true);
}
