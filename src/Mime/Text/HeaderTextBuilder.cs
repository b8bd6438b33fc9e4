using System.Buffers;
using System.Text;

namespace MailTicketing.Mime.Text;

/// <summary>
/// Collects the pieces of a header value (literal bytes, whitespace, encoded words) and turns
/// them into text. Adjacent encoded words in the same charset are joined as bytes before
/// decoding, because mailers split multi-byte characters across words; whitespace between
/// encoded words is dropped (RFC 2047 §6.2).
/// </summary>
internal ref struct HeaderTextBuilder
{
    // Labels that recur in almost every mailbox; matching them avoids allocating a string per word.
    private static readonly string[] CommonCharsets =
    [
        "utf-8", "gb2312", "gbk", "gb18030", "big5", "iso-8859-1", "us-ascii", "windows-1252",
        "iso-2022-jp", "shift_jis", "euc-kr", "ks_c_5601-1987", "iso-8859-15", "koi8-r", "windows-1251",
    ];

    private readonly string? _fallbackCharset;
    private char[] _chars;
    private int _length;
    private byte[] _run;
    private int _runLength;
    private RunKind _kind;
    private string? _runCharset;
    private int _heldSpaces;

    public HeaderTextBuilder(string? fallbackCharset, int capacity)
    {
        _fallbackCharset = fallbackCharset;
        _chars = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 16));
        _run = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 16));
    }

    private enum RunKind
    {
        None,
        Literal,
        Encoded,
    }

    public void AddWhitespace(int spaces)
    {
        if (_kind == RunKind.Encoded)
        {
            // Held back: dropped if another encoded word follows, kept otherwise.
            _heldSpaces += spaces;
            return;
        }

        _kind = RunKind.Literal;
        EnsureRunCapacity(spaces);
        _run.AsSpan(_runLength, spaces).Fill((byte)' ');
        _runLength += spaces;
    }

    public void AddLiteral(ReadOnlySpan<byte> bytes)
    {
        if (_kind == RunKind.Encoded)
        {
            FlushRun();
            AppendSpaces(_heldSpaces);
            _heldSpaces = 0;
        }

        _kind = RunKind.Literal;
        EnsureRunCapacity(bytes.Length);
        bytes.CopyTo(_run.AsSpan(_runLength));
        _runLength += bytes.Length;
    }

    public void AddEncoded(ReadOnlySpan<byte> charset, bool base64, ReadOnlySpan<byte> payload)
    {
        if (_kind != RunKind.Encoded || _runCharset is null || !Ascii.EqualsIgnoreCase(charset, _runCharset))
        {
            FlushRun();
            _kind = RunKind.Encoded;
            _runCharset = CharsetName(charset);
        }

        _heldSpaces = 0;
        EnsureRunCapacity(payload.Length);
        var target = _run.AsSpan(_runLength);
        _runLength += base64 ? EncodedWord.DecodeBase64(payload, target) : EncodedWord.DecodeQ(payload, target);
    }

    /// <summary>The text so far, trimmed of surrounding whitespace (also CR/LF that came out of an encoded word).</summary>
    public override string ToString()
    {
        FlushRun();
        return new ReadOnlySpan<char>(_chars, 0, _length).Trim(" \t\r\n").ToString();
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_chars);
        ArrayPool<byte>.Shared.Return(_run);
        _chars = [];
        _run = [];
    }

    private static string CharsetName(ReadOnlySpan<byte> charset)
    {
        foreach (var name in CommonCharsets)
        {
            if (Ascii.EqualsIgnoreCase(charset, name))
            {
                return name;
            }
        }

        return Encoding.ASCII.GetString(charset);
    }

    private void FlushRun()
    {
        var bytes = new ReadOnlySpan<byte>(_run, 0, _runLength);
        if (_kind == RunKind.Literal)
        {
            if (Utf8Text.IsAscii(bytes) && bytes.IndexOf((byte)0x1B) < 0)
            {
                EnsureCharCapacity(bytes.Length);
                _length += Encoding.ASCII.GetChars(bytes, _chars.AsSpan(_length));
            }
            else
            {
                Append(Charsets.DecodeHeaderBytes(bytes, _fallbackCharset));
            }
        }
        else if (_kind == RunKind.Encoded)
        {
            Append(Charsets.DecodeEncodedWordBytes(bytes, _runCharset, _fallbackCharset));
        }

        _kind = RunKind.None;
        _runLength = 0;
        _runCharset = null;
    }

    private void AppendSpaces(int count)
    {
        EnsureCharCapacity(count);
        _chars.AsSpan(_length, count).Fill(' ');
        _length += count;
    }

    private void Append(string text)
    {
        EnsureCharCapacity(text.Length);
        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
    }

    private void EnsureCharCapacity(int extra)
    {
        if (_length + extra > _chars.Length)
        {
            var larger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + extra));
            _chars.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<char>.Shared.Return(_chars);
            _chars = larger;
        }
    }

    private void EnsureRunCapacity(int extra)
    {
        if (_runLength + extra > _run.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_run.Length * 2, _runLength + extra));
            _run.AsSpan(0, _runLength).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_run);
            _run = larger;
        }
    }
}
