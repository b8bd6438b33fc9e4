namespace MailTicketing.Mime.Text;

/// <summary>Recognises one RFC 2047 encoded word (=?charset?B|Q?text?=) and decodes its payload.</summary>
internal static class EncodedWord
{
    // RFC 2047 §2 limits a word to 75 characters; real mailers write much longer ones, but a
    // bound keeps a hostile header of unterminated "=?" from costing quadratic time.
    private const int MaxPayloadLength = 8 * 1024;
    private const int MaxCharsetLength = 64;

    private static ReadOnlySpan<sbyte> Base64Values =>
    [
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 62, -1, -1, -1, 63,
        52, 53, 54, 55, 56, 57, 58, 59, 60, 61, -1, -1, -1, -1, -1, -1,
        -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
        15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, -1, -1, -1, -1, -1,
        -1, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
        41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, -1, -1, -1, -1, -1,
    ];

    /// <summary>
    /// Parses an encoded word starting at <paramref name="start"/> (which must point at "=?").
    /// The charset comes back without an RFC 2231 language suffix ("utf-8*en" -> "utf-8").
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<byte> input,
        int start,
        out ReadOnlySpan<byte> charset,
        out bool base64,
        out ReadOnlySpan<byte> payload,
        out int end)
    {
        charset = default;
        payload = default;
        base64 = false;
        end = start;
        if (start + 1 >= input.Length || input[start] != '=' || input[start + 1] != '?')
        {
            return false;
        }

        var rest = input[(start + 2)..];
        var question = rest[..Math.Min(rest.Length, MaxCharsetLength + 1)].IndexOf((byte)'?');
        if (question <= 0 || rest.Length < question + 3 || !IsCharset(rest[..question]))
        {
            return false;
        }

        var encoding = rest[question + 1] | 0x20;
        if (encoding is not ('b' or 'q') || rest[question + 2] != '?')
        {
            return false;
        }

        var text = rest[(question + 3)..];
        var close = text[..Math.Min(text.Length, MaxPayloadLength)].IndexOf("?="u8);
        if (close < 0)
        {
            return false;
        }

        payload = text[..close];

        // Some mailers leave spaces inside Q words; accept them unless the "word" evidently
        // swallowed the start of another one (an unterminated word followed by a good one).
        if (payload.IndexOfAny((byte)' ', (byte)'\t') >= 0 && payload.IndexOf("=?"u8) >= 0)
        {
            return false;
        }

        charset = rest[..question];
        var star = charset.IndexOf((byte)'*');
        if (star == 0)
        {
            return false;
        }

        if (star > 0)
        {
            charset = charset[..star];
        }

        base64 = encoding == 'b';
        end = start + 2 + question + 3 + close + 2;
        return true;
    }

    /// <summary>Tolerant base64: skips characters outside the alphabet, stops at '=', accepts missing padding.</summary>
    public static int DecodeBase64(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        var values = Base64Values;
        var written = 0;
        var accumulator = 0;
        var bits = 0;
        foreach (var b in payload)
        {
            if (b == '=')
            {
                break;
            }

            var value = b < 128 ? values[b] : -1;
            if (value < 0)
            {
                continue;
            }

            accumulator = (accumulator << 6) | value;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                destination[written++] = (byte)(accumulator >> bits);
                accumulator &= (1 << bits) - 1;
            }
        }

        return written;
    }

    /// <summary>RFC 2047 §4.2 Q: '_' is a space, =XX is a byte, anything else stands for itself.</summary>
    public static int DecodeQ(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        var written = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            var b = payload[i];
            if (b == '_')
            {
                destination[written++] = (byte)' ';
            }
            else if (b == '=' && i + 2 < payload.Length && TryHex(payload[i + 1], payload[i + 2], out var value))
            {
                destination[written++] = value;
                i += 2;
            }
            else
            {
                destination[written++] = b;
            }
        }

        return written;
    }

    public static bool TryHex(byte high, byte low, out byte value)
    {
        var h = HexValue(high);
        var l = HexValue(low);
        value = (byte)((h << 4) | l);
        return (h | l) >= 0;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        _ => -1,
    };

    // A token per RFC 2047 §2: no space, no control, none of the especials that would end it.
    private static bool IsCharset(ReadOnlySpan<byte> charset)
    {
        foreach (var b in charset)
        {
            if (b <= 0x20 || b >= 0x7F || b is (byte)'"' or (byte)'=' or (byte)'(' or (byte)')' or (byte)',' or (byte)';' or (byte)'<' or (byte)'>')
            {
                return false;
            }
        }

        return true;
    }
}
