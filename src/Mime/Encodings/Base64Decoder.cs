using System.Buffers;
using System.Buffers.Text;

namespace MailTicketing.Mime.Encodings;

/// <summary>
/// Tolerant streaming base64 decoder (RFC 2045 §6.8). Whitespace is skipped, junk is skipped and
/// flagged, missing padding still yields the bytes the partial quantum holds, and data after
/// padding keeps decoding because real mail concatenates base64 blocks. The URL-safe alphabet
/// ('-', '_') is accepted too.
/// </summary>
internal sealed class Base64Decoder : IContentDecoder
{
    private const sbyte Junk = -1;
    private const sbyte Space = -2;
    private const sbyte Pad = -3;

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
        while (i < input.Length)
        {
            if (_count == 0)
            {
                i += DecodeRun(input[i..], output, ref written);
                if (i >= input.Length)
                {
                    break;
                }
            }

            // Slow path: one character. Every sextet after the first of a quantum completes one
            // output byte, so a single input byte never produces more than one output byte.
            int value = Table[input[i++]];
            if (value >= 0)
            {
                StartData();
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
            else if (value == Pad)
            {
                OnPadding();
            }
            else if (value == Junk)
            {
                _issues |= DecodeIssues.InvalidCharacters;
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
        return 0;
    }

    public void Reset()
    {
        _bits = 0;
        _count = 0;
        _padsExpected = 0;
        _afterPadding = false;
        _issues = DecodeIssues.None;
    }

    // Decodes the longest run of whole standard-alphabet quanta at the start of input with the
    // BCL's vectorised decoder; returns the bytes consumed.
    private int DecodeRun(ReadOnlySpan<byte> input, Span<byte> output, ref int written)
    {
        var run = input.IndexOfAnyExcept(StandardAlphabet);
        if (run < 0)
        {
            run = input.Length;
        }

        run &= ~3;
        if (run == 0)
        {
            return 0;
        }

        StartData();
        var status = Base64.DecodeFromUtf8(input[..run], output[written..], out var consumed, out var produced, isFinalBlock: false);
        written += produced;
        // Only alphabet characters in whole quanta were passed, so this cannot fall short; if it
        // ever did, the byte-by-byte path picks up at 'consumed'.
        return status == OperationStatus.Done ? run : consumed;
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
