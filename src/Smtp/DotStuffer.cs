namespace MailTicketing.Smtp;

/// <summary>
/// Turns message bytes into DATA bytes (RFC 5321 §4.5.2): a "." at the start of a line is
/// doubled, and every line ends in CRLF. Bare LF and bare CR become CRLF too, so no input can
/// make a server see an end of data (the "SMTP smuggling" confusions over "\n.\n") early.
/// A byte-level state machine with no I/O: the caller streams through it in chunks.
/// </summary>
internal sealed class DotStuffer
{
    /// <summary>The most one input byte can produce (a pending CR becomes CRLF, then the byte).</summary>
    public const int MaxExpansion = 3;

    /// <summary>The most <see cref="Finish"/> writes: CRLF to end the last line, then ".\r\n".</summary>
    public const int MaxTrailer = 5;

    private static ReadOnlySpan<byte> Trailer => ".\r\n"u8;

    private State _state = State.LineStart;

    private enum State
    {
        LineStart,
        Middle,
        SawCr,
    }

    /// <summary>Converts as much of <paramref name="input"/> as fits into <paramref name="output"/>.</summary>
    public void Transform(ReadOnlySpan<byte> input, Span<byte> output, out int consumed, out int written)
    {
        var i = 0;
        var o = 0;
        while (i < input.Length && output.Length - o >= MaxExpansion)
        {
            var b = input[i];
            if (_state == State.SawCr)
            {
                o += WriteCrLf(output[o..]);
                _state = State.LineStart;
                if (b == (byte)'\n')
                {
                    i++;
                }

                continue;
            }

            if (b == (byte)'\r')
            {
                _state = State.SawCr;
                i++;
                continue;
            }

            if (b == (byte)'\n')
            {
                o += WriteCrLf(output[o..]);
                _state = State.LineStart;
                i++;
                continue;
            }

            if (_state == State.LineStart && b == (byte)'.')
            {
                output[o++] = (byte)'.';
                output[o++] = (byte)'.';
                _state = State.Middle;
                i++;
                continue;
            }

            // A run of ordinary bytes up to the next line break is copied at once.
            var rest = input[i..];
            var run = rest.IndexOfAny((byte)'\r', (byte)'\n');
            if (run < 0)
            {
                run = rest.Length;
            }

            run = Math.Min(run, output.Length - o - (MaxExpansion - 1));
            rest[..run].CopyTo(output[o..]);
            i += run;
            o += run;
            _state = State.Middle;
        }

        consumed = i;
        written = o;
    }

    /// <summary>Ends the last line if needed and writes the end-of-data line. Returns the byte count.</summary>
    public int Finish(Span<byte> output)
    {
        var o = _state == State.LineStart ? 0 : WriteCrLf(output);
        Trailer.CopyTo(output[o..]);
        _state = State.LineStart;
        return o + Trailer.Length;
    }

    private static int WriteCrLf(Span<byte> output)
    {
        output[0] = (byte)'\r';
        output[1] = (byte)'\n';
        return 2;
    }
}
