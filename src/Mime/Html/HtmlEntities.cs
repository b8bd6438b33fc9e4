using System.Net;
using System.Text;

namespace MailTicketing.Mime.Html;

/// <summary>Character references (HTML Living Standard §13.2.5.72), decoded the way browsers do.</summary>
internal static class HtmlEntities
{
    private const int MaxNameLength = 32;

    // Browsers map these C1 code points to what windows-1252 has there, since pages meant that.
    private static readonly char[] Windows1252 =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    /// <summary>
    /// Decodes the reference at the start of s (which starts with '&amp;') into dest (≥ 2 chars).
    /// Returns the chars written, or 0 when s does not start with a reference we know.
    /// </summary>
    public static int Decode(ReadOnlySpan<char> s, Span<char> dest, out int consumed)
    {
        consumed = 0;
        if (s.Length < 2)
        {
            return 0;
        }

        return s[1] == '#' ? DecodeNumeric(s, dest, out consumed) : DecodeNamed(s, dest, out consumed);
    }

    /// <summary>Decodes all references in an attribute value.</summary>
    public static string DecodeAll(ReadOnlySpan<char> s)
    {
        if (s.IndexOf('&') < 0)
        {
            return s.ToString();
        }

        var result = new StringBuilder(s.Length);
        Span<char> decoded = stackalloc char[2];
        var i = 0;
        while (i < s.Length)
        {
            var amp = s[i..].IndexOf('&');
            if (amp < 0)
            {
                result.Append(s[i..]);
                break;
            }

            result.Append(s.Slice(i, amp));
            i += amp;
            var n = Decode(s[i..], decoded, out var consumed);
            if (n == 0)
            {
                result.Append('&');
                i++;
            }
            else
            {
                result.Append(decoded[..n]);
                i += consumed;
            }
        }

        return result.ToString();
    }

    private static int DecodeNumeric(ReadOnlySpan<char> s, Span<char> dest, out int consumed)
    {
        consumed = 0;
        var hex = s.Length > 2 && s[2] is 'x' or 'X';
        var i = hex ? 3 : 2;
        var start = i;
        var value = 0;
        for (; i < s.Length; i++)
        {
            var digit = hex ? HexDigit(s[i]) : (s[i] is >= '0' and <= '9' ? s[i] - '0' : -1);
            if (digit < 0)
            {
                break;
            }

            // Keep consuming digits of an absurd number, but stop it growing past "invalid".
            value = value > 0x10FFFF ? value : (value * (hex ? 16 : 10)) + digit;
        }

        if (i == start)
        {
            return 0;
        }

        consumed = i < s.Length && s[i] == ';' ? i + 1 : i;
        if (value is >= 0x80 and <= 0x9F)
        {
            dest[0] = Windows1252[value - 0x80];
            return 1;
        }

        if (value == 0 || value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
        {
            dest[0] = '\uFFFD';
            return 1;
        }

        return new Rune(value).EncodeToUtf16(dest);
    }

    private static int DecodeNamed(ReadOnlySpan<char> s, Span<char> dest, out int consumed)
    {
        consumed = 0;
        var end = 1;
        while (end < s.Length && end <= MaxNameLength && char.IsAsciiLetterOrDigit(s[end]))
        {
            end++;
        }

        if (end == 1)
        {
            return 0;
        }

        var name = s[1..end];
        var hasSemicolon = end < s.Length && s[end] == ';';
        if (!hasSemicolon)
        {
            // Only the old entities work without ';', and not before '=' or a letter, so that
            // "?a=1&copy=2" in a URL stays as written (as browsers do in attributes).
            var legacy = LegacyValue(name);
            if (legacy == '\0' || (end < s.Length && (s[end] == '=' || char.IsAsciiLetterOrDigit(s[end]))))
            {
                return 0;
            }

            dest[0] = legacy;
            consumed = end;
            return 1;
        }

        consumed = end + 1;
        var common = LegacyValue(name);
        if (common != '\0')
        {
            dest[0] = common;
            return 1;
        }

        if (name.SequenceEqual("apos"))
        {
            dest[0] = '\'';
            return 1;
        }

        var reference = s[..consumed].ToString();
        var decoded = WebUtility.HtmlDecode(reference);
        if (decoded == reference || decoded.Length > dest.Length)
        {
            consumed = 0;
            return 0;
        }

        decoded.CopyTo(dest);
        return decoded.Length;
    }

    private static char LegacyValue(ReadOnlySpan<char> name) => name switch
    {
        "amp" or "AMP" => '&',
        "lt" or "LT" => '<',
        "gt" or "GT" => '>',
        "quot" or "QUOT" => '"',
        "nbsp" => '\u00A0',
        "copy" or "COPY" => '\u00A9',
        "reg" or "REG" => '\u00AE',
        _ => '\0',
    };

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
