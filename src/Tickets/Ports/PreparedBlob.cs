namespace MailTicketing.Tickets.Ports;

/// <summary>
/// Bytes to store as a blob, made ready by <see cref="ITicketStore.PrepareBlob(string, byte[], bool)"/> before the
/// write transaction that stores them, so hashing and compressing need not hold the write lock.
/// A store that prepares nothing ahead keeps the bytes and works on them when they are stored.
/// </summary>
public class PreparedBlob(string sha256, byte[] content, bool compress)
{
    public string Sha256 { get; } = sha256;

    public byte[] Content { get; } = content;

    public bool Compress { get; } = compress;
}
