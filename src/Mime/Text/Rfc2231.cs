using System.Buffers;
using System.Text;
using RawParameter = MailTicketing.Mime.Text.ParameterParser.RawParameter;

namespace MailTicketing.Mime.Text;

/// <summary>RFC 2231 parameter values: charset'language'%XX encoding and name*N continuations.</summary>
internal static class Rfc2231
{
    /// <summary>Decodes a single name*=charset'language'value.</summary>
    public static string DecodeExtended(ReadOnlySpan<byte> value, string? fallbackCharset)
    {
        var charset = SplitCharset(ref value);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(value.Length, 1));
        try
        {
            var length = PercentDecode(value, buffer);
            return DecodeBytes(buffer.AsSpan(0, length), charset, fallbackCharset, anyExtended: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Joins the name*0, name*1*, ... sections of one parameter (in any order; the first of a
    /// duplicated section wins) and decodes the bytes with the charset of the first section.
    /// </summary>
    public static string DecodeContinuations(byte[] scan, ReadOnlySpan<RawParameter> raw, int first, ReadOnlySpan<byte> name, string? fallbackCharset)
    {
        Span<int> order = stackalloc int[raw.Length];
        var count = 0;
        var total = 0;
        for (var j = first; j < raw.Length; j++)
        {
            if (raw[j].Section < 0 || !Ascii.EqualsIgnoreCase(ParameterParser.Name(scan, raw[j]), name))
            {
                continue;
            }

            // Insertion sort by section number; a repeated number keeps the earlier one.
            var k = count;
            while (k > 0 && raw[order[k - 1]].Section > raw[j].Section)
            {
                k--;
            }

            if (k > 0 && raw[order[k - 1]].Section == raw[j].Section)
            {
                continue;
            }

            order[k..count].CopyTo(order[(k + 1)..]);
            order[k] = j;
            count++;
            total += raw[j].ValueLength;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(total, 1));
        try
        {
            string? charset = null;
            var anyExtended = false;
            var length = 0;
            for (var n = 0; n < count; n++)
            {
                var parameter = raw[order[n]];
                var value = ParameterParser.Value(scan, parameter);
                if (!parameter.Extended)
                {
                    value.CopyTo(buffer.AsSpan(length));
                    length += value.Length;
                    continue;
                }

                if (n == 0)
                {
                    charset = SplitCharset(ref value);
                }

                anyExtended = true;
                length += PercentDecode(value, buffer.AsSpan(length));
            }

            return DecodeBytes(buffer.AsSpan(0, length), charset, fallbackCharset, anyExtended);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string DecodeBytes(ReadOnlySpan<byte> bytes, string? charset, string? fallbackCharset, bool anyExtended)
    {
        if (CharsetRegistry.Lookup(charset) is { } info)
        {
            return Charsets.DecodeAs(bytes, info).Text;
        }

        // Plain sections joined: some mailers split an RFC 2047 word across them.
        return anyExtended
            ? Charsets.DecodeHeaderBytes(bytes, fallbackCharset)
            : Rfc2047.DecodeText(bytes, fallbackCharset);
    }

    // charset'language'rest; a value without the two quotes is taken as all percent-encoded.
    private static string? SplitCharset(ref ReadOnlySpan<byte> value)
    {
        var firstQuote = value.IndexOf((byte)'\'');
        if (firstQuote < 0)
        {
            return null;
        }

        var secondQuote = value[(firstQuote + 1)..].IndexOf((byte)'\'');
        if (secondQuote < 0)
        {
            return null;
        }

        var charset = value[..firstQuote];
        value = value[(firstQuote + 1 + secondQuote + 1)..];
        return charset.IsEmpty ? null : Encoding.ASCII.GetString(charset);
    }

    private static int PercentDecode(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        var written = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && EncodedWord.TryHex(value[i + 1], value[i + 2], out var b))
            {
                destination[written++] = b;
                i += 2;
            }
            else
            {
                destination[written++] = value[i];
            }
        }

        return written;
    }
}
