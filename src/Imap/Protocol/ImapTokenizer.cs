using System.Buffers;
using System.Text;

namespace MailTicketing.Imap.Protocol;

/// <summary>
/// The synchronous core of response reading: finds one token at the start of the buffered
/// bytes, or says more bytes are needed. It never touches a stream, so it is tested with byte
/// arrays alone. Tolerant where servers are sloppy (bare LF, 8-bit atoms), strict where a
/// mistake would desynchronise the stream (unterminated quoted strings, literal lengths).
/// </summary>
internal static class ImapTokenizer
{
    // RFC 3501 §9 atom-specials that end an atom here: SP, CTLs handled separately, "(", ")",
    // quoted strings, and the brackets we split on so that "BODY[]" and "[UIDVALIDITY 1]"
    // come out as separate tokens.
    private static readonly SearchValues<byte> AtomEnd = SearchValues.Create(" \r\n()[]\""u8);

    /// <summary>The longest literal length we parse ("{" + 19 digits + "+}").</summary>
    private const int MaxLiteralHeader = 22;

    /// <summary>
    /// Reads one token from <paramref name="data"/>. Returns false when the data ends inside a
    /// token (the caller reads more and tries again with the same bytes plus the new ones).
    /// </summary>
    /// <param name="maxLiteral">Longest literal accepted; a larger one is a protocol error.</param>
    public static bool TryRead(ReadOnlySpan<byte> data, long maxLiteral, out ImapToken token, out int consumed)
    {
        token = default;
        consumed = 0;
        var i = 0;
        while (i < data.Length && (data[i] == (byte)' ' || data[i] == (byte)'\t'))
        {
            i++;
        }

        if (i == data.Length)
        {
            return false;
        }

        switch (data[i])
        {
            case (byte)'\r':
                if (i + 1 == data.Length)
                {
                    return false;
                }

                // A CR not followed by LF is tolerated as the end of the line too.
                return Done(new ImapToken(ImapTokenKind.Eoln), data[i + 1] == (byte)'\n' ? i + 2 : i + 1, out token, out consumed);
            case (byte)'\n':
                return Done(new ImapToken(ImapTokenKind.Eoln), i + 1, out token, out consumed);
            case (byte)'(':
                return Done(new ImapToken(ImapTokenKind.OpenParen), i + 1, out token, out consumed);
            case (byte)')':
                return Done(new ImapToken(ImapTokenKind.CloseParen), i + 1, out token, out consumed);
            case (byte)'[':
                return Done(new ImapToken(ImapTokenKind.OpenBracket), i + 1, out token, out consumed);
            case (byte)']':
                return Done(new ImapToken(ImapTokenKind.CloseBracket), i + 1, out token, out consumed);
            case (byte)'*':
                return Done(new ImapToken(ImapTokenKind.Asterisk), i + 1, out token, out consumed);
            case (byte)'"':
                return TryReadQuoted(data, i, out token, out consumed);
            case (byte)'{':
                return TryReadLiteral(data, i, i + 1, maxLiteral, out token, out consumed);
            case (byte)'~' when i + 1 < data.Length && data[i + 1] == (byte)'{':
                // literal8 (RFC 3516 BINARY): the same framing.
                return TryReadLiteral(data, i, i + 2, maxLiteral, out token, out consumed);
            case (byte)'~' when i + 1 == data.Length:
                return false;
            default:
                return TryReadAtom(data, i, out token, out consumed);
        }
    }

    private static bool Done(ImapToken value, int length, out ImapToken token, out int consumed)
    {
        token = value;
        consumed = length;
        return true;
    }

    private static bool TryReadAtom(ReadOnlySpan<byte> data, int start, out ImapToken token, out int consumed)
    {
        token = default;
        consumed = 0;
        var length = data[start..].IndexOfAny(AtomEnd);
        if (length < 0)
        {
            return false;
        }

        var bytes = data.Slice(start, length);
        token = bytes.Length == 3 && Ascii.EqualsIgnoreCase(bytes, "NIL"u8)
            ? new ImapToken(ImapTokenKind.Nil)
            : new ImapToken(ImapTokenKind.Atom, Encoding.UTF8.GetString(bytes));
        consumed = start + length;
        return true;
    }

    private static bool TryReadQuoted(ReadOnlySpan<byte> data, int start, out ImapToken token, out int consumed)
    {
        token = default;
        consumed = 0;
        var escapes = false;
        for (var i = start + 1; i < data.Length; i++)
        {
            switch (data[i])
            {
                case (byte)'\\':
                    escapes = true;
                    i++;
                    break;
                case (byte)'"':
                    var content = data[(start + 1)..i];
                    token = new ImapToken(ImapTokenKind.QuotedString, escapes ? Unescape(content) : Encoding.UTF8.GetString(content));
                    consumed = i + 1;
                    return true;
                case (byte)'\r' or (byte)'\n':
                    throw new ImapProtocolException("a quoted string in the server response runs into the end of the line");
            }
        }

        return false;
    }

    private static string Unescape(ReadOnlySpan<byte> content)
    {
        var bytes = new byte[content.Length];
        var length = 0;
        for (var i = 0; i < content.Length; i++)
        {
            // RFC 3501 §9: only \\ and \" are defined; anything else keeps the escaped byte.
            if (content[i] == (byte)'\\' && i + 1 < content.Length)
            {
                i++;
            }

            bytes[length++] = content[i];
        }

        return Encoding.UTF8.GetString(bytes, 0, length);
    }

    private static bool TryReadLiteral(ReadOnlySpan<byte> data, int start, int digitsStart, long maxLiteral, out ImapToken token, out int consumed)
    {
        token = default;
        consumed = 0;
        long length = 0;
        var i = digitsStart;
        for (; i < data.Length && char.IsAsciiDigit((char)data[i]); i++)
        {
            if (i - digitsStart >= 18)
            {
                throw new ImapProtocolException($"the server announced a literal with a length of more than 18 digits (limit {maxLiteral:N0} bytes)");
            }

            length = (length * 10) + (data[i] - '0');
        }

        if (i == data.Length)
        {
            return i - start > MaxLiteralHeader ? throw BadLiteral() : false;
        }

        if (i == digitsStart)
        {
            throw BadLiteral();
        }

        // "{n+}" appears only in client literals (RFC 7888), but costs nothing to accept.
        if (data[i] == (byte)'+')
        {
            i++;
        }

        if (i == data.Length)
        {
            return false;
        }

        if (data[i] != (byte)'}')
        {
            throw BadLiteral();
        }

        i++;
        if (i == data.Length || (data[i] == (byte)'\r' && i + 1 == data.Length))
        {
            return false;
        }

        if (data[i] == (byte)'\r' && data[i + 1] == (byte)'\n')
        {
            i += 2;
        }
        else if (data[i] == (byte)'\n')
        {
            i++;
        }
        else
        {
            throw BadLiteral();
        }

        if (length > maxLiteral)
        {
            throw new ImapProtocolException($"the server announced a literal of {length:N0} bytes, more than the limit of {maxLiteral:N0}");
        }

        token = new ImapToken(ImapTokenKind.Literal, LiteralLength: length);
        consumed = i;
        return true;
    }

    private static ImapProtocolException BadLiteral() => new("malformed literal length in the server response");
}
