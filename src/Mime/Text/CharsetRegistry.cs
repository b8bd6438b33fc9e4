using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text;

namespace MailTicketing.Mime.Text;

/// <summary>Resolves the charset labels found in real mail to decoders, with a bounded cache.</summary>
internal static class CharsetRegistry
{
    private const int MaxCachedLabels = 512;
    private const int Gb18030 = 54936;
    private const int Windows1252 = 1252;
    private const int Utf7 = 65000;
    private const int Utf8 = 65001;
    private const int UsAscii = 20127;
    private const int Unknown = -1;

    private static readonly ConcurrentDictionary<string, CharsetInfo?> Labels = new(StringComparer.OrdinalIgnoreCase);
    private static readonly ConcurrentDictionary<int, CharsetInfo?> CodePages = new();

    private static int _cachedLabels;
    private static int _cachedCodePages;

    // Labels .NET does not know, or knows but maps to a charset that decodes mail worse than
    // the one chosen here (gb2312 -> GB18030 because "gb2312" mail routinely contains GBK characters).
    private static readonly FrozenDictionary<string, int> Aliases = BuildAliases(
    [
        (Utf8, "utf-8 utf8 uft-8 uft8 utf_8 unicode-1-1-utf-8 unicode-2-0-utf-8 x-unicode20utf8"),
        (Utf7, "utf-7 utf7 unicode-1-1-utf-7 unicode-2-0-utf-7 csunicode11utf7 x-unicode20utf7"),
        (UsAscii, "us-ascii ascii ansi_x3.4-1968 ansi_x3.4-1986 iso-ir-6 iso646-us us csascii 646"),
        (Gb18030, "gb2312 gbk gb18030 euc-cn euccn gb_2312-80 gb2312-80 csgb2312 iso-gb2312 chinese"),
        (Gb18030, "iso-ir-58 gb_2312 gb18030-2000"),
        (52936, "hz-gb-2312 hz hz-gb2312"),
        (950, "big5 big-5 big5-hkscs big5hkscs cn-big5 csbig5 x-x-big5"),
        (932, "shift_jis shift-jis sjis ms_kanji windows-31j csshiftjis cswindows31j shiftjis"),
        (50220, "iso-2022-jp iso-2022-jp-1 iso-2022-jp-2 iso-2022-jp-3 csiso2022jp csiso2022jp2"),
        (50225, "iso-2022-kr csiso2022kr"),
        (51932, "euc-jp eucjp ujis cseucpkdfmtjapanese"),
        (949, "euc-kr euckr cseuckr ks_c_5601-1987 ks_c_5601 ks_c_5601-1989 ksc5601 ksc_5601 korean uhc"),
        (949, "csksc56011987 iso-ir-149"),
        (20866, "koi8-r koi8r koi8_r cskoi8r koi8"),
        (21866, "koi8-u koi8u koi8_u koi8-ru"),
        (874, "tis-620 tis620 tis-620-2533"),
        (28591, "latin1 l1 csisolatin1 iso-ir-100"),
        (28592, "latin2 l2"),
        (28593, "latin3 l3"),
        (28594, "latin4 l4"),
        (28599, "latin5 l5"),
        (28605, "latin9 l9 latin-9"),
        (28595, "cyrillic"),
        (28597, "greek"),
        (28598, "hebrew"),
        (28596, "arabic"),
        (10000, "mac macintosh mac-roman macroman"),
        (1200, "utf-16 utf-16le ucs-2 unicode csunicode iso-10646-ucs-2"),
        (1201, "utf-16be unicodefffe"),
        (12000, "utf-32 utf-32le"),
        (12001, "utf-32be"),
        (Unknown, "x-unknown unknown-8bit unknown x-user-defined 8bit binary default charset"),
    ]);

    static CharsetRegistry()
    {
        // Registering twice (another component may do it too) is harmless.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static CharsetInfo Utf8Charset { get; } = new("utf-8", new UTF8Encoding(false, false), CharsetKind.Utf8);

    public static CharsetInfo AsciiCharset { get; } = new("us-ascii", Utf8Charset.Encoding, CharsetKind.Ascii);

    private static FrozenDictionary<string, int> BuildAliases(ReadOnlySpan<(int CodePage, string Labels)> groups)
    {
        var aliases = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (codePage, labels) in groups)
        {
            foreach (var label in labels.Split(' '))
            {
                aliases[label] = codePage;
            }
        }

        return aliases.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static CharsetInfo? Lookup(string? label)
    {
        if (string.IsNullOrEmpty(label))
        {
            return null;
        }

        if (Labels.TryGetValue(label, out var cached))
        {
            return cached;
        }

        var info = Resolve(label);
        // ConcurrentDictionary.Count takes every lock; an approximate counter is enough here.
        if (Volatile.Read(ref _cachedLabels) < MaxCachedLabels && Labels.TryAdd(label, info))
        {
            Interlocked.Increment(ref _cachedLabels);
        }

        return info;
    }

    public static CharsetInfo? FromCodePage(int codePage)
    {
        codePage = Canonical(codePage);
        if (CodePages.TryGetValue(codePage, out var cached))
        {
            return cached;
        }

        var info = Create(codePage);
        if (Volatile.Read(ref _cachedCodePages) < MaxCachedLabels && CodePages.TryAdd(codePage, info))
        {
            Interlocked.Increment(ref _cachedCodePages);
        }

        return info;
    }

    private static CharsetInfo? Resolve(string label)
    {
        var name = Normalize(label);
        if (name.Length == 0)
        {
            return null;
        }

        if (Aliases.TryGetValue(name, out var codePage))
        {
            return FromCodePage(codePage);
        }

        if (TryParsePattern(name, out codePage))
        {
            return FromCodePage(codePage);
        }

        // Non-standard "x-" prefixes: x-gbk, x-sjis, x-euc-jp, x-big5, x-mac-roman.
        if (name.StartsWith("x-", StringComparison.Ordinal))
        {
            var bare = name[2..];
            if (Aliases.TryGetValue(bare, out codePage) || TryParsePattern(bare, out codePage))
            {
                return FromCodePage(codePage);
            }

            name = bare;
        }

        // The provider answers null for names it does not know, where Encoding.GetEncoding
        // would throw; labels from hostile mail should not cost an exception each.
        return CodePagesEncodingProvider.Instance.GetEncoding(name) is { } encoding
            ? FromCodePage(encoding.CodePage)
            : null;
    }

    // Keeps only what can be part of a charset name: "utf-8;" and "\"gb2312\"" and
    // "iso_8859-1:1987" all occur in headers, and so do charset=3D"utf-8" (a header that
    // went through quoted-printable) and charset="charset=us-ascii".
    private static string Normalize(string label)
    {
        var span = label.AsSpan().Trim().Trim("\"' \t");
        if (span.StartsWith("3D", StringComparison.OrdinalIgnoreCase) && span.Length > 2 && !char.IsAsciiDigit(span[2]))
        {
            span = span[2..].Trim("\"' \t");
        }

        if (span.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
        {
            span = span[8..].Trim("\"' \t");
        }
        var end = 0;
        while (end < span.Length && IsNameChar(span[end]))
        {
            end++;
        }

        span = span[..end];
        var colon = span.IndexOf(':');
        if (colon >= 0)
        {
            span = span[..colon];
        }

        return span.ToString().ToLowerInvariant();
    }

    private static bool IsNameChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '+';

    // iso-8859-N / iso8859-N / iso_8859-N, windows-125N / cp125N / win-125N / ms936 / ibm866.
    private static bool TryParsePattern(string name, out int codePage)
    {
        codePage = 0;
        var span = name.AsSpan();
        if (span.StartsWith("iso"))
        {
            span = SkipSeparator(span[3..]);
            if (!span.StartsWith("8859"))
            {
                return false;
            }

            span = SkipSeparator(span[4..]);
            var digits = CountDigits(span);
            if (digits == 0 || !int.TryParse(span[..digits], out var part) || part is < 1 or > 16)
            {
                return false;
            }

            codePage = part switch
            {
                11 => 874,
                _ => 28590 + part,
            };
            return true;
        }

        foreach (var prefix in (ReadOnlySpan<string>)["windows-", "windows", "win-", "win", "cp-", "cp", "ms-", "ms", "ibm-", "ibm", "dos-"])
        {
            if (span.StartsWith(prefix))
            {
                var rest = span[prefix.Length..];
                return rest.Length is > 0 and <= 5 && CountDigits(rest) == rest.Length && int.TryParse(rest, out codePage);
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> SkipSeparator(ReadOnlySpan<char> span) =>
        span.Length > 0 && span[0] is '-' or '_' or ' ' ? span[1..] : span;

    private static int CountDigits(ReadOnlySpan<char> span)
    {
        var i = 0;
        while (i < span.Length && char.IsAsciiDigit(span[i]))
        {
            i++;
        }

        return i;
    }

    // Decode with the most capable member of a family: GB2312/GBK/EUC-CN as GB18030, Latin-1
    // as windows-1252 (mail labelled iso-8859-1 uses 0x80-0x9F for quotes and dashes),
    // EUC-KR as its superset UHC (cp949).
    private static int Canonical(int codePage) => codePage switch
    {
        936 or 20936 or 51936 => Gb18030,
        28591 => Windows1252,
        51949 => 949,
        20932 => 51932,
        _ => codePage,
    };

    private static CharsetInfo? Create(int codePage)
    {
        switch (codePage)
        {
            case Unknown:
                return null;
            case Utf8:
                return Utf8Charset;
            case UsAscii:
                return AsciiCharset;
            case Utf7:
#pragma warning disable SYSLIB0001 // UTF-7 is obsolete for writing, but mail labelled utf-7 still has to be read.
                return new CharsetInfo("utf-7", new UTF7Encoding(allowOptionals: true), CharsetKind.Stateful);
#pragma warning restore SYSLIB0001
        }

        var decoderFallback = new DecoderReplacementFallback("\uFFFD");
        var encoding = codePage is 1200 or 1201 or 12000 or 12001
            ? Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, decoderFallback)
            : CodePagesEncodingProvider.Instance.GetEncoding(codePage, EncoderFallback.ReplacementFallback, decoderFallback);
        if (encoding is null)
        {
            return null;
        }

        var name = codePage switch
        {
            Gb18030 => "gb18030",
            949 => "euc-kr",
            50220 or 50221 or 50222 => "iso-2022-jp",
            1200 => "utf-16le",
            1201 => "utf-16be",
            _ => encoding.WebName.ToLowerInvariant(),
        };

        var kind = codePage switch
        {
            1200 or 1201 or 12000 or 12001 => CharsetKind.Wide,
            (>= 50220 and <= 50229) or 52936 => CharsetKind.Stateful,
            _ when !IsAsciiCompatible(encoding) => CharsetKind.Stateful,
            _ when encoding.IsSingleByte => CharsetKind.SingleByte,
            _ => CharsetKind.MultiByte,
        };
        return new CharsetInfo(name, encoding, kind);
    }

    // EBCDIC and similar code pages are single-byte but do not keep ASCII where it is.
    private static bool IsAsciiCompatible(Encoding encoding)
    {
        ReadOnlySpan<byte> probe = "Az09 ~.-=?\r\n"u8;
        Span<char> chars = stackalloc char[32];
        var count = encoding.GetChars(probe, chars);
        return count == probe.Length && Ascii.Equals(probe, chars[..count]);
    }
}
