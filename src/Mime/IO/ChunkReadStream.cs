namespace MailTicketing.Mime.IO;

/// <summary>A read-only, seekable view over a list of chunks holding <c>length</c> bytes in total.</summary>
internal sealed class ChunkReadStream(IReadOnlyList<byte[]> chunks, long length) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = Math.Clamp(value, 0, length);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var total = 0;
        while (!buffer.IsEmpty && _position < length)
        {
            var (chunkIndex, chunkOffset) = Locate(_position);
            var chunk = chunks[chunkIndex];
            var available = (int)Math.Min(chunk.Length - chunkOffset, length - _position);
            var count = Math.Min(available, buffer.Length);
            chunk.AsSpan(chunkOffset, count).CopyTo(buffer);
            buffer = buffer[count..];
            _position += count;
            total += count;
        }

        return total;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private (int Index, int Offset) Locate(long position)
    {
        // Chunks are few (sizes double up to 64 KiB), so a linear walk is cheap.
        for (var i = 0; i < chunks.Count; i++)
        {
            if (position < chunks[i].Length)
            {
                return (i, (int)position);
            }

            position -= chunks[i].Length;
        }

        throw new InvalidOperationException("Position beyond the last chunk.");
    }
}
