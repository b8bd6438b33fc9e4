namespace MailTicketing.Imap.Tests.Support;

/// <summary>
/// A read-only stream of a head, a long generated middle and a tail, that never holds the
/// middle in memory (the approach of tests/Mime.Tests, for bodies of tens of megabytes).
/// </summary>
internal sealed class GeneratedStream(byte[] head, long middleLength, Func<long, byte> middleByte, byte[] tail) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => head.Length + middleLength + tail.Length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    /// <summary>The byte at <paramref name="position"/>, for checking what a reader received.</summary>
    public byte ByteAt(long position) =>
        position < head.Length ? head[position]
        : position < head.Length + middleLength ? middleByte(position - head.Length)
        : tail[position - head.Length - middleLength];

    public override int Read(byte[] buffer, int offset, int count)
    {
        var written = 0;
        while (written < count && _position < Length)
        {
            buffer[offset + written++] = ByteAt(_position++);
        }

        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
