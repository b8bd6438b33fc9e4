namespace MailTicketing.Mime.Tests.Support;

/// <summary>A read-only stream that produces a head, a long generated middle and a tail, without holding the middle in memory.</summary>
internal sealed class GeneratedStream(byte[] head, long middleLength, Func<long, byte> middleByte, byte[] tail) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => head.Length + middleLength + tail.Length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var written = 0;
        while (written < count && _position < Length)
        {
            byte value;
            if (_position < head.Length)
            {
                value = head[_position];
            }
            else if (_position < head.Length + middleLength)
            {
                value = middleByte(_position - head.Length);
            }
            else
            {
                value = tail[_position - head.Length - middleLength];
            }

            buffer[offset + written++] = value;
            _position++;
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
