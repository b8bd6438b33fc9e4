using System.Globalization;

namespace MailTicketing.Storage.Tests.Support;

/// <summary>
/// A long, deterministic, read-only stream produced on the fly, so a 20 MB blob never exists as
/// one array in the test either. Text mode yields compressible mail-like lines; otherwise
/// pseudo-random bytes (xorshift).
/// </summary>
public sealed class GeneratedStream(long length, bool text, ulong seed = 0x9E3779B97F4A7C15) : Stream
{
    private ulong _state = seed;
    private long _position;
    private readonly byte[] _line = new byte[96];
    private int _lineOffset = 96;
    private long _lineNumber;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < count; i++)
        {
            buffer[i] = text ? NextTextByte() : NextRandomByte();
        }

        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private byte NextRandomByte()
    {
        _state ^= _state << 13;
        _state ^= _state >> 7;
        _state ^= _state << 17;
        return (byte)_state;
    }

    private byte NextTextByte()
    {
        if (_lineOffset == _line.Length)
        {
            // Formatted in place: the generator itself must not allocate per line.
            _line.AsSpan().Fill((byte)' ');
            "Line "u8.CopyTo(_line);
            _lineNumber++.TryFormat(_line.AsSpan(5), out var digits, "D8", CultureInfo.InvariantCulture);
            var rest = _line.AsSpan(5 + digits);
            ": withdrawal pending, UID 88"u8.CopyTo(rest);
            ((NextRandomByte() % 90) + 10).TryFormat(rest[28..], out _, default, CultureInfo.InvariantCulture);
            _line[^2] = (byte)'\r';
            _line[^1] = (byte)'\n';
            _lineOffset = 0;
        }

        return _line[_lineOffset++];
    }
}
