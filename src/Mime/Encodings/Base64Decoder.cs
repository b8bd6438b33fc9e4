using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;

namespace MailTicketing.Mime.Encodings;

/// <summary>
/// Tolerant streaming base64 decoder (RFC 2045 §6.8). Whitespace is skipped, junk is skipped and
/// flagged, missing padding still yields the bytes the partial quantum holds, and data after
/// padding keeps decoding because real mail concatenates base64 blocks (on the next line, or
/// glued to the '='). Text after whitespace on the padding's own line is a trailer, not another
/// block ("Cg== ignored"): the rest of that line is skipped, as §6.8 says '=' ends the data.
/// The URL-safe alphabet ('-', '_') is accepted too.
/// </summary>
internal sealed class Base64Decoder : IContentDecoder
{
    private const sbyte Junk = -1;
    private const sbyte Space = -2;
    private const sbyte Pad = -3;

    // Where we are on the line of a '=' that completed a quantum.
    private enum PaddedLine : byte
    {
        None,
        Padded,
        PaddedThenSpace,
        Skipping,
    }

    // Characters joined per call of the BCL decoder; a multiple of 4.
    private const int ScratchSize = 8 * 1024;

    // Runs of these are handed to the vectorised BCL decoder; everything else goes byte by byte.
    private static readonly SearchValues<byte> StandardAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"u8);

    private static readonly sbyte[] Table = BuildTable();

    // Bits of the current quantum not yet written out, and how many sextets of it we have seen.
    private int _bits;
    private int _count;
    // '=' characters still acceptable after "xx=" (one more).
    private int _padsExpected;
    private bool _afterPadding;
    private PaddedLine _paddedLine;
    private DecodeIssues _issues;

    public int MaxFlushLength => 0;

    public DecodeIssues Issues => _issues;

    public int Decode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (output.Length < input.Length)
        {
            throw new ArgumentException("The output span must be at least as long as the input.", nameof(output));
        }

        var written = 0;
        var i = 0;
        byte[]? scratch = null;
        try
        {
            while (i < input.Length)
            {
                if (_count == 0 && _paddedLine == PaddedLine.None)
                {
                    i += DecodeRun(input[i..], output, ref written, ref scratch);
                    if (i >= input.Length)
                    {
                        break;
                    }
                }

                // Slow path: one character. Every sextet after the first of a quantum completes one
                // output byte, so a single input byte never produces more than one output byte.
                var c = input[i++];
                if (_paddedLine != PaddedLine.None && SkipAfterPadding(c))
                {
                    continue;
                }

                int value = Table[c];
                if (value >= 0)
                {
                    StartData();
                    AddSextet(value, output, ref written);
                }
                else if (value == Pad)
                {
                    OnPadding();
                }
                else if (value == Junk)
                {
                    _issues |= DecodeIssues.InvalidCharacters;
                }
            }
        }
        finally
        {
            if (scratch is not null)
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
        }

        return written;
    }

    public int Flush(Span<byte> output)
    {
        // The bytes of a partial quantum were already written; only the diagnosis is left.
        if (_count != 0 || _padsExpected != 0)
        {
            _issues |= DecodeIssues.BadPadding;
        }

        _bits = 0;
        _count = 0;
        _padsExpected = 0;
        _paddedLine = PaddedLine.None;
        return 0;
    }

    public void Reset()
    {
        _bits = 0;
        _count = 0;
        _padsExpected = 0;
        _afterPadding = false;
        _paddedLine = PaddedLine.None;
        _issues = DecodeIssues.None;
    }

    // On the line of a completing '=': returns true when the character is skipped. Whitespace
    // then anything else means a trailer, skipped to the end of the line; anything straight after
    // the '=' (more padding, a glued-on block) is decoded as usual.
    private bool SkipAfterPadding(byte c)
    {
        if (c is (byte)'\r' or (byte)'\n')
        {
            _paddedLine = PaddedLine.None;
            return true;
        }

        switch (_paddedLine)
        {
            case PaddedLine.Skipping:
                return true;
            case PaddedLine.PaddedThenSpace:
                if (Table[c] != Space)
                {
                    _issues |= DecodeIssues.DataAfterEnd;
                    _paddedLine = PaddedLine.Skipping;
                }

                return true;
            default:
                if (Table[c] == Space)
                {
                    _paddedLine = PaddedLine.PaddedThenSpace;
                    return true;
                }

                if (c != '=')
                {
                    _paddedLine = PaddedLine.None;
                }

                return false;
        }
    }

    // Decodes the standard-alphabet characters at the start of input with the BCL's vectorised
    // decoder; returns the input bytes consumed. Runs split only by whitespace (the line breaks of
    // ordinary base64 bodies) are first joined in a scratch buffer, so the BCL decoder sees blocks
    // of kilobytes rather than one 76-character line at a time.
    private int DecodeRun(ReadOnlySpan<byte> input, Span<byte> output, ref int written, ref byte[]? scratch)
    {
        var run = RunLength(input);
        if (run == 0)
        {
            return 0;
        }

        StartData();
        var next = NextRunStart(input, run);
        if (next < 0)
        {
            // A single run (the last line, or one before junk or padding): decode its whole quanta
            // straight from the input and leave the rest to the byte-by-byte path.
            var whole = run & ~3;
            return whole == 0 ? 0 : DecodeQuanta(input[..whole], output, ref written);
        }

        scratch ??= ArrayPool<byte>.Shared.Rent(ScratchSize);
        var staged = 0;
        var pos = 0;
        while (true)
        {
            var piece = input.Slice(pos, run);
            while (!piece.IsEmpty)
            {
                var take = Math.Min(piece.Length, ScratchSize - staged);
                piece[..take].CopyTo(scratch.AsSpan(staged));
                staged += take;
                piece = piece[take..];
                if (staged == ScratchSize)
                {
                    DecodeQuanta(scratch.AsSpan(0, staged), output, ref written);
                    staged = 0;
                }
            }

            pos += run;
            if (next < 0)
            {
                break;
            }

            pos = next;
            run = RunLength(input[pos..]);
            var after = NextRunStart(input[pos..], run);
            next = after < 0 ? -1 : pos + after;
        }

        // The characters of a last partial quantum (at most three) go into the quantum state, so
        // whatever follows (more data, padding, the next block) continues it exactly as the
        // byte-by-byte path would.
        var complete = staged & ~3;
        DecodeQuanta(scratch.AsSpan(0, complete), output, ref written);
        foreach (var c in scratch.AsSpan(complete, staged - complete))
        {
            AddSextet(Table[c], output, ref written);
        }

        return pos;
    }

    private static int RunLength(ReadOnlySpan<byte> input)
    {
        var run = input.IndexOfAnyExcept(StandardAlphabet);
        return run < 0 ? input.Length : run;
    }

    // Where the next run starts when only whitespace separates it from the run ending at runEnd;
    // -1 when input ends or something else (junk, padding, URL-safe characters) comes first.
    private static int NextRunStart(ReadOnlySpan<byte> input, int runEnd)
    {
        // A plain loop: the gap is a line break, one or two bytes, too short for a vector search.
        var start = runEnd;
        while (start < input.Length && Table[input[start]] == Space)
        {
            start++;
        }

        return start > runEnd && start < input.Length && StandardAlphabet.Contains(input[start]) ? start : -1;
    }

    // Decodes whole quanta of standard-alphabet characters; returns the bytes consumed.
    private static int DecodeQuanta(ReadOnlySpan<byte> quanta, Span<byte> output, ref int written)
    {
        if (quanta.IsEmpty)
        {
            return 0;
        }

        var status = Base64.DecodeFromUtf8(quanta, output[written..], out var consumed, out var produced, isFinalBlock: false);
        written += produced;
        // Only alphabet characters in whole quanta are passed, so this cannot fall short.
        Debug.Assert(status == OperationStatus.Done && consumed == quanta.Length, "whole quanta of the standard alphabet always decode");
        return consumed;
    }

    private void AddSextet(int value, Span<byte> output, ref int written)
    {
        switch (_count)
        {
            case 0:
                _bits = value;
                _count = 1;
                break;
            case 1:
                output[written++] = (byte)((_bits << 2) | (value >> 4));
                _bits = value & 0x0F;
                _count = 2;
                break;
            case 2:
                output[written++] = (byte)((_bits << 4) | (value >> 2));
                _bits = value & 0x03;
                _count = 3;
                break;
            default:
                output[written++] = (byte)((_bits << 6) | value);
                _bits = 0;
                _count = 0;
                break;
        }
    }

    private void StartData()
    {
        if (_padsExpected != 0)
        {
            // "xx=" followed by data: the second '=' is missing.
            _issues |= DecodeIssues.BadPadding;
            _padsExpected = 0;
        }

        if (_afterPadding)
        {
            _issues |= DecodeIssues.DataAfterEnd;
            _afterPadding = false;
        }
    }

    private void OnPadding()
    {
        switch (_count)
        {
            case 0:
                if (_padsExpected > 0)
                {
                    _padsExpected--;
                    _paddedLine = PaddedLine.Padded;
                }
                else
                {
                    _issues |= DecodeIssues.BadPadding;
                }

                _afterPadding = true;
                return;
            case 1:
                // Six bits cannot make a byte: the quantum is lost.
                _issues |= DecodeIssues.BadPadding;
                break;
            case 2:
                _padsExpected = 1;
                _paddedLine = PaddedLine.Padded;
                break;
            default:
                _paddedLine = PaddedLine.Padded;
                break;
        }

        _bits = 0;
        _count = 0;
        _afterPadding = true;
    }

    private static sbyte[] BuildTable()
    {
        var table = new sbyte[256];
        Array.Fill(table, Junk);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (var i = 0; i < alphabet.Length; i++)
        {
            table[alphabet[i]] = (sbyte)i;
        }

        // RFC 4648 §5 URL-safe alphabet, seen in mail from web applications.
        table['-'] = 62;
        table['_'] = 63;
        foreach (var c in " \t\r\n\f\v")
        {
            table[c] = Space;
        }

        table['='] = Pad;
        return table;
    }
}
