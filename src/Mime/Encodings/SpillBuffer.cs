namespace MailTicketing.Mime.Encodings;

/// <summary>
/// Decoded bytes that did not fit the caller's output span. Decoders that hold input back
/// (a split "=4", a buffered uuencode line) can release more bytes in one call than that call's
/// input; since output.Length ≥ input.Length and the total output never exceeds the total input,
/// what spills over is bounded by what was held back, and it leaves in the next call or in Flush.
/// </summary>
internal sealed class SpillBuffer(int capacity)
{
    private byte[] _bytes = new byte[capacity];
    private int _start;
    private int _count;

    public int Count => _count;

    /// <summary>Moves spilled bytes to the start of output; returns how many were moved.</summary>
    public int Drain(Span<byte> output)
    {
        var n = Math.Min(_count, output.Length);
        _bytes.AsSpan(_start, n).CopyTo(output);
        _start += n;
        _count -= n;
        if (_count == 0)
        {
            _start = 0;
        }

        return n;
    }

    /// <summary>Writes bytes to output at written, spilling what does not fit.</summary>
    public void Write(ReadOnlySpan<byte> bytes, Span<byte> output, ref int written)
    {
        // Bytes only spill once output is full, so while there is room nothing is waiting.
        var room = output.Length - written;
        var direct = Math.Min(room, bytes.Length);
        bytes[..direct].CopyTo(output[written..]);
        written += direct;
        if (direct < bytes.Length)
        {
            Append(bytes[direct..]);
        }
    }

    public void Write(byte value, Span<byte> output, ref int written)
    {
        if (written < output.Length)
        {
            output[written++] = value;
        }
        else
        {
            Append([value]);
        }
    }

    public void Clear()
    {
        _start = 0;
        _count = 0;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_start + _count + bytes.Length > _bytes.Length)
        {
            // Compact first; grow only if a caller broke the output-size contract, never lose data.
            _bytes.AsSpan(_start, _count).CopyTo(_bytes);
            _start = 0;
            if (_count + bytes.Length > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _count + bytes.Length));
            }
        }

        bytes.CopyTo(_bytes.AsSpan(_start + _count));
        _count += bytes.Length;
    }
}
