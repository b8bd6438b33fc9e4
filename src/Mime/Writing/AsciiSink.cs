using System.Buffers;

namespace MailTicketing.Mime.Writing;

/// <summary>
/// The only way bytes reach the output. It enforces the writer's invariants as a last line of
/// defence: 7-bit printable text only, CRLF as the only line break, no line over 998 octets
/// (RFC 5322 §2.1.1). A violation is a bug in the writer, so it throws InvalidOperationException.
/// </summary>
internal sealed class AsciiSink : IDisposable
{
    internal const int MaxLineLength = 998;

    private readonly Stream _output;
    private byte[] _buffer;
    private int _count;
    private int _lineLength;

    public AsciiSink(Stream output)
    {
        _output = output;
        _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    }

    public void WriteLine(ReadOnlySpan<char> line)
    {
        Write(line);
        WriteLine();
    }

    public void WriteLine()
    {
        Reserve(2);
        _buffer[_count++] = (byte)'\r';
        _buffer[_count++] = (byte)'\n';
        _lineLength = 0;
    }

    public void Write(ReadOnlySpan<char> text)
    {
        _lineLength += text.Length;
        if (_lineLength > MaxLineLength)
        {
            throw new InvalidOperationException($"Writer bug: a line exceeds {MaxLineLength} octets.");
        }

        foreach (var c in text)
        {
            // TAB is allowed (folding whitespace, QP literal); everything else must be printable ASCII.
            if (c is not ('\t' or (>= ' ' and <= '~')))
            {
                throw new InvalidOperationException($"Writer bug: character U+{(int)c:X4} reached the output.");
            }

            if (_count == _buffer.Length)
            {
                Flush();
            }

            _buffer[_count++] = (byte)c;
        }
    }

    public void Flush()
    {
        if (_count > 0)
        {
            _output.Write(_buffer, 0, _count);
            _count = 0;
        }
    }

    public void Dispose()
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        Flush();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Reserve(int count)
    {
        if (_count + count > _buffer.Length)
        {
            Flush();
        }
    }
}
