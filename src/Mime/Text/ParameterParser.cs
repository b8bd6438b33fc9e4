using System.Buffers;
using System.Text;

namespace MailTicketing.Mime.Text;

/// <summary>
/// Parses the "; name=value" list of Content-Type and Content-Disposition, tolerantly:
/// quoted or bare values (bare ones may hold spaces: name=My File.pdf), a missing ';',
/// duplicates (the first wins), RFC 2231 charsets and continuations in any order, RFC 2047
/// words inside values (Outlook, Thunderbird) and raw 8-bit values.
/// </summary>
internal static class ParameterParser
{
    // A hostile header could carry thousands of parameters; real ones carry a handful.
    private const int MaxParameters = 64;
    private const int MaxSection = 999;

    /// <summary>One name=value as written; name and value are ranges of the scan buffer.</summary>
    internal readonly record struct RawParameter(int NameStart, int NameLength, int Section, bool Extended, int ValueStart, int ValueLength);

    /// <summary>Parses parameters from <paramref name="input"/>; sets <paramref name="malformed"/> on anything it had to skip.</summary>
    public static ParameterList Parse(ReadOnlySpan<byte> input, string? fallbackCharset, ref bool malformed)
    {
        var list = new ParameterList();
        if (input.IsEmpty)
        {
            return list;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(input.Length);
        var raw = ArrayPool<RawParameter>.Shared.Rent(8);
        try
        {
            var count = Scan(input, buffer, ref raw, ref malformed);
            Assemble(buffer, raw.AsSpan(0, count), list, fallbackCharset);
            return list;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<RawParameter>.Shared.Return(raw);
        }
    }

    // Splits the input into raw name/value pairs. Names and unquoted, unescaped, unfolded
    // values are copied into the buffer; the pairs point into it.
    private static int Scan(ReadOnlySpan<byte> input, byte[] buffer, ref RawParameter[] raw, ref bool malformed)
    {
        var count = 0;
        var used = 0;
        var pos = 0;
        while (pos < input.Length)
        {
            HeaderTokens.SkipCfws(input, ref pos);
            if (pos >= input.Length)
            {
                break;
            }

            if (input[pos] == ';')
            {
                pos++;
                continue;
            }

            var name = HeaderTokens.ReadToken(input, ref pos);
            HeaderTokens.SkipCfws(input, ref pos);
            if (name.IsEmpty || pos >= input.Length || input[pos] != '=')
            {
                // "; format" or stray junk: nothing usable up to the next ';'.
                // Skip only the junk word, so that a parameter after it is still found
                // ("; <nl> boundary=..." occurs).
                malformed = true;
                if (name.IsEmpty)
                {
                    pos = SkipJunkWord(input, pos);
                }

                continue;
            }

            pos++;
            HeaderTokens.SkipCfws(input, ref pos);
            var valueStart = used;
            if (pos < input.Length && input[pos] == '"')
            {
                pos = ReadQuoted(input, pos + 1, buffer, ref used, ref malformed);
            }
            else
            {
                pos = ReadBare(input, pos, buffer, ref used);
            }

            var valueLength = used - valueStart;
            if (!TryAddRaw(name, valueStart, valueLength, buffer, ref used, ref raw, ref count))
            {
                malformed = true;
                if (count >= MaxParameters)
                {
                    break;
                }
            }

            pos = SkipJunkAfterValue(input, pos, ref malformed);
        }

        return count;
    }

    private static bool TryAddRaw(ReadOnlySpan<byte> name, int valueStart, int valueLength, byte[] buffer, ref int used, ref RawParameter[] raw, ref int count)
    {
        if (count >= MaxParameters)
        {
            return false;
        }

        // RFC 2231 §3/§4: name*N for continuations, a trailing '*' for charset'language'%XX.
        var extended = name[^1] == '*';
        if (extended)
        {
            name = name[..^1];
        }

        var section = -1;
        var star = name.LastIndexOf((byte)'*');
        if (star > 0)
        {
            var digits = name[(star + 1)..];
            if (digits.Length is 0 or > 3 || digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
            {
                return false;
            }

            section = int.Parse(Encoding.ASCII.GetString(digits), System.Globalization.CultureInfo.InvariantCulture);
            name = name[..star];
        }

        if (name.IsEmpty || section > MaxSection)
        {
            return false;
        }

        if (count == raw.Length)
        {
            var larger = ArrayPool<RawParameter>.Shared.Rent(raw.Length * 2);
            raw.AsSpan().CopyTo(larger);
            ArrayPool<RawParameter>.Shared.Return(raw);
            raw = larger;
        }

        var nameStart = used;
        name.CopyTo(buffer.AsSpan(used));
        used += name.Length;
        raw[count++] = new RawParameter(nameStart, name.Length, section, extended, valueStart, valueLength);
        return true;
    }

    // A quoted string: \" and \\ are escapes; any other backslash is kept, because Windows
    // mailers write filename="C:\dir\file.txt" unescaped. Folds are removed, whitespace kept.
    private static int ReadQuoted(ReadOnlySpan<byte> input, int pos, byte[] buffer, ref int used, ref bool malformed)
    {
        while (pos < input.Length)
        {
            var b = input[pos];
            if (b == '"')
            {
                return pos + 1;
            }

            if (b == '\\' && pos + 1 < input.Length && input[pos + 1] is (byte)'"' or (byte)'\\')
            {
                buffer[used++] = input[pos + 1];
                pos += 2;
                continue;
            }

            if (b is not ((byte)'\r' or (byte)'\n'))
            {
                buffer[used++] = b;
            }

            pos++;
        }

        malformed = true;
        return pos;
    }

    // A bare value runs to ';'. Whitespace inside it is kept (name=My File.pdf) unless what
    // follows is the next parameter with its ';' missing, or a trailing comment.
    private static int ReadBare(ReadOnlySpan<byte> input, int pos, byte[] buffer, ref int used)
    {
        while (pos < input.Length)
        {
            var b = input[pos];
            if (b == ';')
            {
                return pos;
            }

            if (HeaderTokens.IsWhitespace(b))
            {
                var next = pos;
                HeaderTokens.SkipCfws(input, ref next);
                if (next >= input.Length || input[next] == ';' || StartsParameter(input, next) || (input[(pos + 1)..next].Contains((byte)'(') && CommentEndsValue(input, pos)))
                {
                    return pos;
                }

                // Keep the whitespace (a fold counts as the space after it) and go on.
                while (pos < input.Length && HeaderTokens.IsWhitespace(input[pos]))
                {
                    if (input[pos] is (byte)' ' or (byte)'\t')
                    {
                        buffer[used++] = input[pos];
                    }

                    pos++;
                }

                continue;
            }

            buffer[used++] = b;
            pos++;
        }

        return pos;
    }

    // "name=value (comment)" ends the value only when nothing but whitespace or ';' follows
    // the comment; otherwise the parenthesis belongs to a bare file name ("My File (1).pdf").
    private static bool CommentEndsValue(ReadOnlySpan<byte> input, int pos)
    {
        HeaderTokens.SkipCfws(input, ref pos);
        return pos >= input.Length || input[pos] == ';' || StartsParameter(input, pos);
    }

    // token, optional whitespace, '=': the next parameter after a forgotten ';'.
    private static bool StartsParameter(ReadOnlySpan<byte> input, int pos)
    {
        var name = HeaderTokens.ReadToken(input, ref pos);
        if (name.IsEmpty)
        {
            return false;
        }

        while (pos < input.Length && input[pos] is (byte)' ' or (byte)'\t')
        {
            pos++;
        }

        return pos < input.Length && input[pos] == '=';
    }

    private static int SkipJunkAfterValue(ReadOnlySpan<byte> input, int pos, ref bool malformed)
    {
        HeaderTokens.SkipCfws(input, ref pos);
        if (pos >= input.Length || input[pos] == ';' || StartsParameter(input, pos))
        {
            return pos;
        }

        malformed = true;
        return SkipToSemicolon(input, pos);
    }

    private static int SkipJunkWord(ReadOnlySpan<byte> input, int pos)
    {
        pos++;
        while (pos < input.Length && input[pos] != ';' && !HeaderTokens.IsWhitespace(input[pos]))
        {
            pos++;
        }

        return pos;
    }

    private static int SkipToSemicolon(ReadOnlySpan<byte> input, int pos)
    {
        if (pos >= input.Length)
        {
            return input.Length;
        }

        var semicolon = input[pos..].IndexOf((byte)';');
        return semicolon < 0 ? input.Length : pos + semicolon;
    }

    private static void Assemble(byte[] buffer, Span<RawParameter> raw, ParameterList list, string? fallbackCharset)
    {
        Span<bool> done = stackalloc bool[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            if (done[i])
            {
                continue;
            }

            var name = Name(buffer, raw[i]);
            var plain = -1;
            var extended = -1;
            var sections = 0;
            for (var j = i; j < raw.Length; j++)
            {
                if (done[j] || !Ascii.EqualsIgnoreCase(Name(buffer, raw[j]), name))
                {
                    continue;
                }

                done[j] = true;
                if (raw[j].Section >= 0)
                {
                    sections++;
                }
                else if (raw[j].Extended)
                {
                    extended = extended < 0 ? j : extended;
                }
                else
                {
                    plain = plain < 0 ? j : plain;
                }
            }

            // RFC 2231 forms win over a plain duplicate: mailers send filename="fallback.pdf"
            // next to filename*=utf-8''%E6%96%87.pdf, and the encoded one is the real name.
            var nameString = HeaderTokens.ToLowerString(name);
            string value;
            if (sections > 0)
            {
                value = Rfc2231.DecodeContinuations(buffer, raw, i, name, fallbackCharset);
            }
            else if (extended >= 0)
            {
                value = Rfc2231.DecodeExtended(Value(buffer, raw[extended]), fallbackCharset);
            }
            else
            {
                value = DecodePlain(nameString, Value(buffer, raw[plain]), fallbackCharset);
            }

            list.TryAdd(nameString, value);
        }
    }

    // The boundary is compared byte for byte with body lines: keep it exactly, as Latin-1
    // (one char per byte), with no decoding and no case change.
    internal static string DecodePlain(string name, ReadOnlySpan<byte> value, string? fallbackCharset) =>
        name == "boundary"
            ? Encoding.Latin1.GetString(value)
            : Rfc2047.DecodeText(value, fallbackCharset);

    internal static ReadOnlySpan<byte> Name(byte[] buffer, in RawParameter parameter) =>
        buffer.AsSpan(parameter.NameStart, parameter.NameLength);

    internal static ReadOnlySpan<byte> Value(byte[] buffer, in RawParameter parameter) =>
        buffer.AsSpan(parameter.ValueStart, parameter.ValueLength);
}
