namespace MailTicketing.Mime.Encodings;

/// <summary>
/// Streaming decoder for uuencode used as a Content-Transfer-Encoding (x-uuencode). Lines before
/// "begin NNN name" are skipped, data lines are decoded until "end", and anything after "end" is
/// ignored (and flagged when it is not blank). Some mailers send the data lines without "begin"
/// and "end": when a line that can only be uuencoded data comes before any "begin", decoding
/// starts there, keeps to such lines, and the content is flagged truncated.
/// </summary>
internal sealed class UUDecoder : IContentDecoder
{
    // A data line is at most 1 + 84 characters (length 63); leave room for a checksum character
    // and trailing whitespace. Longer lines are not uuencode and are only skipped.
    private const int LineCapacity = 128;
    // A line never yields more than 63 bytes, which bounds what a call can release beyond its input.
    private const int MaxLineOutput = UuencodeLine.MaxBytes;

    private enum State
    {
        SeekingBegin,
        Data,
        Done,
    }

    private readonly byte[] _line = new byte[LineCapacity];
    private readonly SpillBuffer _spill = new(MaxLineOutput + 1);
    private int _lineLength;
    private int _lineTotal;
    private State _state;
    // Data started without a "begin" line, so only lines that are plainly uuencoded are data.
    private bool _headless;
    private DecodeIssues _issues;

    public int MaxFlushLength => MaxLineOutput + 1;

    public DecodeIssues Issues => _issues;

    public int Decode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (output.Length < input.Length)
        {
            throw new ArgumentException("The output span must be at least as long as the input.", nameof(output));
        }

        var written = _spill.Drain(output);
        var i = 0;
        while (i < input.Length)
        {
            var rest = input[i..];
            if (_state == State.Done)
            {
                if (rest.IndexOfAnyExcept(" \t\r\n"u8) >= 0)
                {
                    _issues |= DecodeIssues.DataAfterEnd;
                }

                break;
            }

            var newline = rest.IndexOf((byte)'\n');
            var segment = newline < 0 ? rest : rest[..newline];
            var keep = Math.Min(segment.Length, LineCapacity - _lineLength);
            segment[..keep].CopyTo(_line.AsSpan(_lineLength));
            _lineLength += keep;
            _lineTotal += segment.Length;
            if (newline < 0)
            {
                break;
            }

            i += newline + 1;
            EndLine(_lineTotal + 1, output, ref written);
        }

        return written;
    }

    public int Flush(Span<byte> output)
    {
        if (output.Length < MaxFlushLength)
        {
            throw new ArgumentException("The output span must hold at least MaxFlushLength bytes.", nameof(output));
        }

        var written = _spill.Drain(output);
        if (_lineTotal > 0 && _state != State.Done)
        {
            EndLine(_lineTotal, output, ref written);
        }

        if (_state != State.Done || _headless)
        {
            _issues |= DecodeIssues.Truncated;
        }

        _lineLength = 0;
        _lineTotal = 0;
        return written;
    }

    public void Reset()
    {
        _spill.Clear();
        _lineLength = 0;
        _lineTotal = 0;
        _state = State.SeekingBegin;
        _headless = false;
        _issues = DecodeIssues.None;
    }

    // inputBytes: how many input bytes the line took (with its newline), which caps its output.
    private void EndLine(int inputBytes, Span<byte> output, ref int written)
    {
        var overlong = _lineTotal > _lineLength;
        var line = _line.AsSpan(0, _lineLength);
        _lineLength = 0;
        _lineTotal = 0;
        if (line.Length > 0 && line[^1] == '\r')
        {
            line = line[..^1];
        }

        if (_state == State.SeekingBegin || _headless)
        {
            if (UuencodeLine.IsBeginLine(line))
            {
                // A begin line after headless data: what follows is data for certain.
                _state = State.Data;
                _headless = false;
                return;
            }

            if (_state == State.SeekingBegin)
            {
                // A length-zero line ("`") carries nothing, so it cannot be what starts the data.
                if (overlong || line.IsEmpty || UuencodeLine.DeclaredLength(line[0]) <= 0 || !UuencodeLine.IsDataLine(line))
                {
                    return;
                }

                _state = State.Data;
                _headless = true;
            }
        }

        var trimmed = line.TrimEnd(" \t"u8);
        if (trimmed.Length == 0)
        {
            return;
        }

        if (trimmed.SequenceEqual("end"u8))
        {
            _state = State.Done;
            return;
        }

        if (overlong || (_headless && !UuencodeLine.IsDataLine(line)))
        {
            _issues |= DecodeIssues.InvalidCharacters;
            return;
        }

        // Trailing spaces are data in old encoders (space = 0), so decode the untrimmed line.
        Span<byte> decoded = stackalloc byte[MaxLineOutput];
        var n = UuencodeLine.Decode(line, decoded, out var invalid);
        if (invalid)
        {
            _issues |= DecodeIssues.InvalidCharacters;
        }

        _spill.Write(decoded[..Math.Min(n, inputBytes)], output, ref written);
    }
}
