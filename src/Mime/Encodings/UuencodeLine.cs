namespace MailTicketing.Mime.Encodings;

/// <summary>
/// One uuencoded line: a length character, then groups of four characters for three bytes,
/// each character being 0x20 + a six-bit value (0x60 '`' also stands for 0).
/// </summary>
internal static class UuencodeLine
{
    public const int MaxBytes = 63;

    public static bool IsBeginLine(ReadOnlySpan<byte> line) =>
        line.Length > 5
        && line[..5].SequenceEqual("begin"u8)
        && line[5] is (byte)' ' or (byte)'\t';

    public static bool IsValidChar(int c) => c is >= 0x20 and <= 0x60;

    /// <summary>The byte count the line's length character announces, or -1 if it is not one.</summary>
    public static int DeclaredLength(int first) => IsValidChar(first) ? (first - 0x20) & 0x3F : -1;

    /// <summary>The characters after the length character that a line of n bytes needs.</summary>
    public static int EncodedLength(int n) => (n + 2) / 3 * 4;

    /// <summary>
    /// True when the line (without its line break) can only be uuencoded data: every character in
    /// range, and as many after the length character as its byte count needs (the last group may
    /// be cut short, one extra character is a checksum). Prose hardly ever fits: lowercase letters
    /// are out of range, and the length character fixes the line's length.
    /// </summary>
    public static bool IsDataLine(ReadOnlySpan<byte> line)
    {
        var n = line.IsEmpty ? -1 : DeclaredLength(line[0]);
        if (n < 0)
        {
            return false;
        }

        var characters = line.Length - 1;
        if (characters < ((4 * n) + 2) / 3 || characters > EncodedLength(n) + 1)
        {
            return false;
        }

        foreach (var c in line)
        {
            if (!IsValidChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Decodes a line (without its line break) into output (≥ 63 bytes) and returns the bytes
    /// written. Characters missing at the end count as 0, since transports strip trailing spaces.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> line, Span<byte> output, out bool invalid)
    {
        invalid = false;
        if (line.IsEmpty)
        {
            return 0;
        }

        var n = DeclaredLength(line[0]);
        if (n < 0)
        {
            invalid = true;
            return 0;
        }

        var data = line[1..];
        var written = 0;
        for (var pos = 0; written < n; pos += 4)
        {
            var s0 = Sextet(data, pos, ref invalid);
            var s1 = Sextet(data, pos + 1, ref invalid);
            var s2 = Sextet(data, pos + 2, ref invalid);
            var s3 = Sextet(data, pos + 3, ref invalid);
            output[written++] = (byte)((s0 << 2) | (s1 >> 4));
            if (written < n)
            {
                output[written++] = (byte)((s1 << 4) | (s2 >> 2));
            }

            if (written < n)
            {
                output[written++] = (byte)((s2 << 6) | s3);
            }
        }

        return written;
    }

    private static int Sextet(ReadOnlySpan<byte> data, int index, ref bool invalid)
    {
        if (index >= data.Length)
        {
            return 0;
        }

        int c = data[index];
        if (!IsValidChar(c))
        {
            invalid = true;
        }

        return (c - 0x20) & 0x3F;
    }
}
