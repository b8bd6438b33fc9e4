using System.Text;
using MailTicketing.Mime.Parsing;

namespace MailTicketing.Mime.Mbox;

/// <summary>
/// Splits an mbox file into messages in one forward pass, holding one line at a time, so a
/// mailbox of any size costs a fixed buffer. Reads mboxo and mboxrd (RFC 4155):
/// <list type="bullet">
/// <item>A message starts at a line beginning "From " that opens the file or follows an empty
/// line. That empty line belongs to the separator, not to the message before it.</item>
/// <item>A "From " line right after another line still separates when the line after it starts
/// a header field: mail programs such as Netscape wrote mboxes without the empty line, and a
/// body line "From …" followed by "Name: …" is rare where such files are common.</item>
/// <item>Lines of the form ">From ", ">>From " … lose one '>' (mboxrd escaping).</item>
/// <item>LF, CRLF and CR-only files read alike; a UTF-8 byte order mark at the start is skipped.</item>
/// <item>A file without any "From " line is one message.</item>
/// </list>
/// Content-Length headers (mboxcl) are not used: they are too often stale after a message was
/// edited. An unescaped "From " line after an empty line inside a body splits that message:
/// mboxo cannot tell it from a separator.
/// </summary>
public sealed class MboxReader : IDisposable
{
    private const int LineBufferSize = 64 * 1024;
    private const int MaxLeadingBlankBytes = 4 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly LineReader _lines;

    // Bytes of the current message ready to be read: a held line, a held line break and one line at most.
    private readonly byte[] _output = new byte[(2 * LineBufferSize) + MaxLeadingBlankBytes + 8];
    private int _outputStart;
    private int _outputEnd;

    private MboxEntry? _current;
    private bool _currentEnded = true;
    private Separator? _next;
    private bool _started;
    private bool _disposed;
    private int _index;

    // An empty line held back: if a separator follows, it belongs to the separator.
    private readonly byte[] _heldBreak = new byte[2];
    private int _heldLength = -1;
    private long _heldOffset;

    // A "From " line held back until the next line shows whether it separates.
    private readonly byte[] _heldFrom = new byte[LineBufferSize + 2];
    private int _heldFromLength = -1;
    private int _heldFromContentLength;
    private long _heldFromOffset;

    // The first line of the next message, read while deciding on a held "From " line.
    private readonly byte[] _carry = new byte[LineBufferSize + 2];
    private int _carryLength = -1;
    private bool _carryIsPartial;

    private bool _atLineStart;

    public MboxReader(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The mbox stream must be readable.", nameof(stream));
        }

        _stream = stream;
        _leaveOpen = leaveOpen;
        _lines = new LineReader(stream, LineBufferSize);
    }

    public static MboxReader Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan));

    /// <summary>
    /// Moves to the next message, skipping what is left unread of the current one. Returns null
    /// at the end of the file.
    /// </summary>
    public MboxEntry? ReadNext()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_current is not null)
        {
            while (!_currentEnded)
            {
                ClearOutput();
                Produce();
            }

            _current = null;
        }

        ClearOutput();
        if (!_started)
        {
            _started = true;
            return Begin();
        }

        return _next is { } separator ? StartEntry(separator) : null;
    }

    /// <summary>Every message in order; each entry is valid only until the next is taken.</summary>
    public IEnumerable<MboxEntry> ReadAll()
    {
        while (ReadNext() is { } entry)
        {
            yield return entry;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _current = null;
        _lines.Dispose();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    internal bool IsCurrent(MboxEntry entry) => !_disposed && ReferenceEquals(_current, entry);

    /// <summary>Copies the current message's next bytes; 0 at its end.</summary>
    internal int Read(MboxEntry entry, Span<byte> destination)
    {
        if (!IsCurrent(entry))
        {
            throw new InvalidOperationException("The reader has moved past this entry; its content is gone.");
        }

        var total = 0;
        while (!destination.IsEmpty)
        {
            if (_outputStart == _outputEnd)
            {
                ClearOutput();
                if (!Produce())
                {
                    break;
                }

                continue;
            }

            var count = Math.Min(destination.Length, _outputEnd - _outputStart);
            _output.AsSpan(_outputStart, count).CopyTo(destination);
            _outputStart += count;
            destination = destination[count..];
            total += count;
        }

        return total;
    }

    /// <summary>Reads up to the first line with content: a separator, or the start of a message that has none.</summary>
    private MboxEntry? Begin()
    {
        var first = true;
        long leadingOffset = -1;
        while (_lines.ReadLine(out var line))
        {
            var content = line.Content;
            var offset = line.Offset;
            if (first && content.StartsWith("\uFEFF"u8))
            {
                content = content[3..];
                offset += 3;
            }

            first = false;
            if (content.IsEmpty && !line.IsPartial && _outputEnd + line.Terminator.Length <= MaxLeadingBlankBytes)
            {
                // Empty lines before the first separator are noise; before a message without one they are its content.
                leadingOffset = leadingOffset < 0 ? offset : leadingOffset;
                Append(line.Terminator);
                continue;
            }

            if (content.StartsWith("From "u8))
            {
                ClearOutput();
                return StartEntry(TakeSeparator(content, line.Terminator, line.IsPartial, offset));
            }

            var messageOffset = leadingOffset < 0 ? offset : leadingOffset;
            var entry = StartEntry(new Separator(null, messageOffset, messageOffset));
            Append(Unescape(content));
            Append(line.Terminator);
            _atLineStart = !line.IsPartial;
            return entry;
        }

        if (_outputEnd == 0)
        {
            return null;
        }

        // Nothing but empty lines: still the one message the file holds.
        var blank = StartEntry(new Separator(null, leadingOffset, leadingOffset));
        EndMessage(_lines.Position);
        return blank;
    }

    private MboxEntry StartEntry(Separator separator)
    {
        _next = null;
        _current = new MboxEntry(this, _index++, separator.Offset, separator.Text, separator.ContentOffset);
        _currentEnded = false;
        _atLineStart = true;
        _heldLength = -1;
        _heldFromLength = -1;
        if (_carryLength >= 0)
        {
            Append(_carry.AsSpan(0, _carryLength));
            _atLineStart = !_carryIsPartial;
            _carryLength = -1;
        }

        return _current;
    }

    /// <summary>Adds the current message's next bytes to the output; false once the message has ended.</summary>
    private bool Produce()
    {
        if (_currentEnded)
        {
            return false;
        }

        while (_lines.ReadLine(out var line))
        {
            var content = line.Content;
            if (_heldFromLength >= 0)
            {
                if (IsHeaderField(content))
                {
                    // The held "From " line opens the next message, and this line is that message's first.
                    var heldFrom = _heldFrom.AsSpan(0, _heldFromLength);
                    _next = TakeSeparator(heldFrom[.._heldFromContentLength], heldFrom[_heldFromContentLength..], false, _heldFromOffset);
                    line.Content.CopyTo(_carry);
                    line.Terminator.CopyTo(_carry.AsSpan(content.Length));
                    _carryLength = content.Length + line.Terminator.Length;
                    _carryIsPartial = line.IsPartial;
                    EndMessage(_heldFromOffset);
                    return false;
                }

                Append(_heldFrom.AsSpan(0, _heldFromLength));
                _heldFromLength = -1;
            }

            if (_atLineStart)
            {
                if (content.StartsWith("From "u8))
                {
                    if (_heldLength >= 0)
                    {
                        var end = _heldOffset;
                        _next = TakeSeparator(content, line.Terminator, line.IsPartial, line.Offset);
                        EndMessage(end);
                        return _outputEnd > 0;
                    }

                    if (!line.IsPartial)
                    {
                        // Decided by the next line.
                        content.CopyTo(_heldFrom);
                        line.Terminator.CopyTo(_heldFrom.AsSpan(content.Length));
                        _heldFromLength = content.Length + line.Terminator.Length;
                        _heldFromContentLength = content.Length;
                        _heldFromOffset = line.Offset;
                        if (_outputEnd > 0)
                        {
                            return true;
                        }

                        continue;
                    }
                }

                if (content.IsEmpty && !line.IsPartial)
                {
                    EmitHeld();
                    line.Terminator.CopyTo(_heldBreak);
                    _heldLength = line.Terminator.Length;
                    _heldOffset = line.Offset;
                    if (_outputEnd > 0)
                    {
                        return true;
                    }

                    continue;
                }

                content = Unescape(content);
            }

            EmitHeld();
            Append(content);
            Append(line.Terminator);
            _atLineStart = !line.IsPartial;
            return true;
        }

        // End of input. A held "From " line is content; a held empty line is the one mbox writers put after every message.
        if (_heldFromLength >= 0)
        {
            Append(_heldFrom.AsSpan(0, _heldFromLength));
            _heldFromLength = -1;
        }

        EndMessage(_heldLength >= 0 ? _heldOffset : _lines.Position);
        return _outputEnd > 0;
    }

    private Separator TakeSeparator(ReadOnlySpan<byte> content, ReadOnlySpan<byte> terminator, bool isPartial, long offset)
    {
        var text = Encoding.Latin1.GetString(content);
        var contentOffset = offset + content.Length + terminator.Length;
        while (isPartial && _lines.ReadLine(out var rest))
        {
            // A separator line longer than the buffer (hostile input): the rest of it is not message content.
            isPartial = rest.IsPartial;
            contentOffset = rest.Offset + rest.Content.Length + rest.Terminator.Length;
        }

        return new Separator(text, offset, contentOffset);
    }

    private void EndMessage(long endOffset)
    {
        _heldLength = -1;
        _currentEnded = true;
        if (_current is not null)
        {
            _current.ContentLength = Math.Max(0, endOffset - _current.ContentOffset);
        }
    }

    private void EmitHeld()
    {
        if (_heldLength >= 0)
        {
            Append(_heldBreak.AsSpan(0, _heldLength));
            _heldLength = -1;
        }
    }

    /// <summary>"Name:" with a field name of printable ASCII (RFC 5322 §2.2; whitespace before the colon tolerated).</summary>
    private static bool IsHeaderField(ReadOnlySpan<byte> line)
    {
        var colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            return false;
        }

        var name = line[..colon].TrimEnd(" \t"u8);
        return !name.IsEmpty && name.IndexOfAnyExceptInRange((byte)33, (byte)126) < 0;
    }

    /// <summary>mboxrd: a line of one or more '>' followed by "From " was escaped by adding one '>'.</summary>
    private static ReadOnlySpan<byte> Unescape(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty || line[0] != (byte)'>')
        {
            return line;
        }

        var quotes = line.IndexOfAnyExcept((byte)'>');
        return quotes > 0 && line[quotes..].StartsWith("From "u8) ? line[1..] : line;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_output.AsSpan(_outputEnd));
        _outputEnd += bytes.Length;
    }

    private void ClearOutput()
    {
        _outputStart = 0;
        _outputEnd = 0;
    }

    private readonly record struct Separator(string? Text, long Offset, long ContentOffset);
}
