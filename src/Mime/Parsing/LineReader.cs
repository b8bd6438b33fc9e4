using System.Buffers;

namespace MailTicketing.Mime.Parsing;

/// <summary>
/// Reads lines from a stream through one fixed buffer. A line ends at LF, CRLF, or a bare CR
/// (some mailers and converters write CR-only files). A line longer than the buffer comes out
/// in pieces marked partial. Spans returned are valid only until the next call, and never after
/// <see cref="Dispose"/>: the buffer is rented from the shared pool (a parser per message and per
/// embedded message would otherwise allocate, and zero, 64 KB each) and goes back there.
/// </summary>
internal sealed class LineReader : IDisposable
{
    private static readonly SearchValues<byte> LineEnds = SearchValues.Create("\r\n"u8);

    private readonly Stream _stream;
    // The pool may hand out a larger array; only the first _capacity bytes are used, so a small
    // requested size behaves exactly as asked (long lines split at the same places).
    private readonly int _capacity;
    private byte[]? _buffer;
    private int _start;
    private int _end;
    private long _bufferOffset;
    private bool _eof;

    public LineReader(Stream stream, int bufferSize = 64 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 2);
        _stream = stream;
        _capacity = bufferSize;
        _buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
    }

    /// <summary>Absolute offset of the next unread byte.</summary>
    public long Position => _bufferOffset + _start;

    public bool ReadLine(out Line line)
    {
        var buffer = _buffer;
        ObjectDisposedException.ThrowIf(buffer is null, this);
        var searchFrom = 0;
        while (true)
        {
            var window = buffer.AsSpan(_start, _end - _start);
            var index = window[searchFrom..].IndexOfAny(LineEnds);
            if (index >= 0)
            {
                index += searchFrom;
                var terminatorLength = 1;
                if (window[index] == (byte)'\r')
                {
                    if (index + 1 < window.Length)
                    {
                        terminatorLength = window[index + 1] == (byte)'\n' ? 2 : 1;
                    }
                    else if (!_eof && _start == 0 && _end == _capacity)
                    {
                        // A full buffer ending in CR: give out the piece before it; the CR is read with the next piece.
                        line = new Line(window[..index], [], Position, isPartial: true);
                        _start += index;
                        return true;
                    }
                    else if (!_eof)
                    {
                        // The CR is the last buffered byte: look at the next byte before deciding.
                        searchFrom = index;
                        Fill(buffer);
                        continue;
                    }
                }

                line = new Line(window[..index], window.Slice(index, terminatorLength), Position, isPartial: false);
                _start += index + terminatorLength;
                return true;
            }

            if (_eof)
            {
                if (window.IsEmpty)
                {
                    line = default;
                    return false;
                }

                line = new Line(window, [], Position, isPartial: false);
                _start = _end;
                return true;
            }

            searchFrom = window.Length;
            if (_start == 0 && _end == _capacity)
            {
                // No line end within a full buffer: hand out what we have as a partial line.
                // Keep a trailing CR back so a CRLF is never split across two pieces.
                var take = window[^1] == (byte)'\r' ? window.Length - 1 : window.Length;
                line = new Line(window[..take], [], Position, isPartial: true);
                _start += take;
                return true;
            }

            Fill(buffer);
        }
    }

    /// <summary>Gives the buffer back to the pool; every span handed out is dead from here on.</summary>
    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            // Cleared first, so a second Dispose cannot return the same array twice.
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Moves unread bytes to the front and reads more; sets the end-of-stream flag when there is no more.</summary>
    private void Fill(byte[] buffer)
    {
        if (_start > 0)
        {
            var unread = _end - _start;
            Buffer.BlockCopy(buffer, _start, buffer, 0, unread);
            _bufferOffset += _start;
            _start = 0;
            _end = unread;
        }

        if (_end == _capacity)
        {
            return;
        }

        var read = _stream.Read(buffer, _end, _capacity - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }
}
