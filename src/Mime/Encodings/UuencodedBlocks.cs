using System.Buffers;

namespace MailTicketing.Mime.Encodings;

/// <summary>
/// Finds uuencoded files that old mailers put inline into text/plain bodies
/// ("begin 644 file.zip", data lines, "end").
/// </summary>
public static class UuencodedBlocks
{
    // GNU and every mailer we know write 45 bytes per line; a longer declared length is text.
    private const int MaxBytesPerLine = 45;
    private const int MaxLineLength = 1 + 60 + 1;

    /// <summary>
    /// The well-formed blocks in text, in order. A block counts only when its begin line has an
    /// octal mode and a name, every line up to a closing "end" line is a uuencoded line whose
    /// length character matches its length, so prose that mentions "begin 644" is not taken.
    /// </summary>
    public static IReadOnlyList<UuencodedBlock> Find(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        List<UuencodedBlock>? blocks = null;
        var pos = 0;
        while (pos < text.Length)
        {
            var start = text.IndexOf("begin", pos, StringComparison.Ordinal);
            if (start < 0)
            {
                break;
            }

            var atLineStart = start == 0 || text[start - 1] is '\n' or '\r';
            if (atLineStart && TryRead(text, start, out var block))
            {
                (blocks ??= []).Add(block);
                pos = start + block.Length;
            }
            else
            {
                // A failed candidate stops at the next "begin" line at the latest (lowercase
                // letters are not uuencode), so rescanning stays linear.
                pos = start + 5;
            }
        }

        return blocks ?? (IReadOnlyList<UuencodedBlock>)[];
    }

    private static bool TryRead(string text, int start, out UuencodedBlock block)
    {
        block = null!;
        var next = ReadLine(text, start, out var beginLine);
        if (!TryParseBeginLine(beginLine, out var mode, out var fileName))
        {
            return false;
        }

        var content = new ArrayBufferWriter<byte>();
        Span<byte> ascii = stackalloc byte[MaxLineLength];
        while (next < text.Length)
        {
            next = ReadLine(text, next, out var line);
            var trimmed = line.TrimEnd(" \t");
            if (trimmed.SequenceEqual("end"))
            {
                block = new UuencodedBlock(fileName, mode, start, next - start, content.WrittenSpan.ToArray());
                return true;
            }

            if (trimmed.IsEmpty)
            {
                // A " " length-zero line whose space a transport stripped.
                continue;
            }

            if (line.Length > MaxLineLength || !TryDecodeLine(line, ascii, content))
            {
                return false;
            }
        }

        return false;
    }

    private static bool TryDecodeLine(ReadOnlySpan<char> line, Span<byte> ascii, ArrayBufferWriter<byte> content)
    {
        var n = UuencodeLine.DeclaredLength(line[0]);
        // One extra character is a per-line checksum some encoders add; fewer characters than
        // announced are trailing spaces a transport stripped.
        if (n is < 0 or > MaxBytesPerLine || line.Length - 1 > UuencodeLine.EncodedLength(n) + 1)
        {
            return false;
        }

        for (var i = 0; i < line.Length; i++)
        {
            if (!UuencodeLine.IsValidChar(line[i]))
            {
                return false;
            }

            ascii[i] = (byte)line[i];
        }

        var written = UuencodeLine.Decode(ascii[..line.Length], content.GetSpan(UuencodeLine.MaxBytes), out _);
        content.Advance(written);
        return true;
    }

    // "begin" SP mode SP name: mode is 3 or 4 octal digits, the name is the rest of the line.
    private static bool TryParseBeginLine(ReadOnlySpan<char> line, out int mode, out string fileName)
    {
        mode = 0;
        fileName = "";
        var rest = line[5..];
        var afterSpace = rest.TrimStart(" \t");
        if (afterSpace.Length == rest.Length)
        {
            return false;
        }

        var digits = afterSpace.IndexOfAnyExcept("01234567");
        if (digits is < 3 or > 4)
        {
            return false;
        }

        var name = afterSpace[digits..];
        var trimmedName = name.TrimStart(" \t");
        if (trimmedName.Length == name.Length)
        {
            return false;
        }

        trimmedName = trimmedName.TrimEnd(" \t");
        if (trimmedName.IsEmpty)
        {
            return false;
        }

        foreach (var digit in afterSpace[..digits])
        {
            mode = (mode * 8) + (digit - '0');
        }

        fileName = trimmedName.ToString();
        return true;
    }

    // Returns the index after the line break (CRLF, LF or a lone CR).
    private static int ReadLine(string text, int start, out ReadOnlySpan<char> line)
    {
        var rest = text.AsSpan(start);
        var end = rest.IndexOfAny('\r', '\n');
        if (end < 0)
        {
            line = rest;
            return text.Length;
        }

        line = rest[..end];
        var next = start + end + 1;
        if (rest[end] == '\r' && next < text.Length && text[next] == '\n')
        {
            next++;
        }

        return next;
    }
}
