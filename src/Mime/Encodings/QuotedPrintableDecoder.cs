namespace MailTicketing.Mime.Encodings;

/// <summary>
/// Tolerant streaming quoted-printable decoder (RFC 2045 §6.7). Soft line breaks ("=" CRLF, "=" LF,
/// "=" CR, and "=" followed by transport padding before the break) are removed; "=XX" accepts
/// either case; anything else after '=' is kept literally and flagged. Trailing whitespace on
/// lines is kept: stripping it (rule 3) loses data when mail was encoded carelessly.
/// </summary>
internal sealed class QuotedPrintableDecoder : IContentDecoder
{
    // Whitespace allowed between '=' and the line break of a soft break before we give up and
    // treat the '=' as literal. It bounds what we hold back, and so MaxFlushLength.
    private const int MaxHeldWhitespace = 16;
    private const int MaxHeld = 1 + MaxHeldWhitespace;

    private enum State
    {
        Text,
        Equals,
        EqualsHex,
        EqualsWhitespace,
        SoftBreakCr,
    }

    private readonly byte[] _held = new byte[MaxHeld];
    private readonly SpillBuffer _spill = new(MaxHeld);
    private int _heldCount;
    private State _state;
    private DecodeIssues _issues;

    public int MaxFlushLength => MaxHeld;

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
            if (_state == State.Text)
            {
                var rest = input[i..];
                var run = rest.IndexOf((byte)'=');
                if (run < 0)
                {
                    _spill.Write(rest, output, ref written);
                    break;
                }

                _spill.Write(rest[..run], output, ref written);
                i += run + 1;
                Hold((byte)'=', State.Equals);
                continue;
            }

            var c = input[i];
            switch (_state)
            {
                case State.Equals:
                    if (HexValue(c) >= 0)
                    {
                        Hold(c, State.EqualsHex);
                    }
                    else if (c == '\n')
                    {
                        SoftBreak();
                    }
                    else if (c == '\r')
                    {
                        SoftBreakCarriageReturn();
                    }
                    else if (c is (byte)' ' or (byte)'\t')
                    {
                        Hold(c, State.EqualsWhitespace);
                    }
                    else
                    {
                        // Not consumed: the byte is read again as ordinary text (or a new '=').
                        ReleaseHeld(output, ref written);
                        continue;
                    }

                    break;
                case State.EqualsHex:
                    var low = HexValue(c);
                    if (low < 0)
                    {
                        ReleaseHeld(output, ref written);
                        continue;
                    }

                    _spill.Write((byte)((HexValue(_held[1]) << 4) | low), output, ref written);
                    _heldCount = 0;
                    _state = State.Text;
                    break;
                case State.EqualsWhitespace:
                    if (c == '\n')
                    {
                        SoftBreak();
                    }
                    else if (c == '\r')
                    {
                        SoftBreakCarriageReturn();
                    }
                    else if (c is (byte)' ' or (byte)'\t' && _heldCount < MaxHeld)
                    {
                        Hold(c, State.EqualsWhitespace);
                    }
                    else
                    {
                        ReleaseHeld(output, ref written);
                        continue;
                    }

                    break;
                default:
                    // After "=\r": a following LF belongs to the soft break, anything else is text
                    // (bare CR line endings).
                    _state = State.Text;
                    if (c != '\n')
                    {
                        continue;
                    }

                    break;
            }

            i++;
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
        if (_state is State.Equals or State.EqualsWhitespace)
        {
            // "text=" at the very end is a soft break whose line break went to the multipart
            // boundary (RFC 2046 §5.1.1 gives the CRLF before a boundary to the boundary).
            SoftBreak();
        }
        else if (_state is State.EqualsHex)
        {
            // A cut-off escape ("=4") is kept as written.
            ReleaseHeld(output, ref written);
        }

        _state = State.Text;
        return written;
    }

    public void Reset()
    {
        _spill.Clear();
        _heldCount = 0;
        _state = State.Text;
        _issues = DecodeIssues.None;
    }

    private void Hold(byte c, State next)
    {
        _held[_heldCount++] = c;
        _state = next;
    }

    private void SoftBreak()
    {
        _heldCount = 0;
        _state = State.Text;
    }

    private void SoftBreakCarriageReturn()
    {
        _heldCount = 0;
        _state = State.SoftBreakCr;
    }

    // The held '=' was not a valid escape or soft break: write it and what followed it literally.
    private void ReleaseHeld(Span<byte> output, ref int written)
    {
        _issues |= DecodeIssues.InvalidEscape;
        _spill.Write(_held.AsSpan(0, _heldCount), output, ref written);
        _heldCount = 0;
        _state = State.Text;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => -1,
    };
}
