using System.Text;

namespace MailTicketing.Mime.Text;

/// <summary>Charset lookup with the aliases real mailers use, and text decoding with a clear fallback.</summary>
public static class Charsets
{
    // A single-byte label gives way to a CJK reading only when that reading scores clearly better.
    private const int SingleByteLieMargin = 4;

    // Broken bytes that UTF-8 text may hold and still be read as UTF-8, however short it is.
    private const int MaxStrayBytes = 4;

    /// <summary>
    /// The encoding for a MIME charset label, or null when it is unknown. GB2312/GBK labels give
    /// GB18030, ISO-8859-1 gives windows-1252 and US-ASCII gives UTF-8 (their supersets, which
    /// is what mail so labelled really contains). Encodings returned decode bad bytes to U+FFFD.
    /// </summary>
    public static Encoding? Find(string? label) => CharsetRegistry.Lookup(label)?.Encoding;

    /// <summary>
    /// Decodes body or header bytes. Tries the declared charset; when it is missing, unknown or
    /// evidently wrong, falls back (UTF-8 first, then a guess) and says so in the result.
    /// </summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string? declaredCharset)
    {
        if (string.IsNullOrWhiteSpace(declaredCharset))
        {
            return DecodeUndeclared(bytes, CharsetFallback.Undeclared);
        }

        var declared = CharsetRegistry.Lookup(declaredCharset);
        return declared is null ? DecodeUndeclared(bytes, CharsetFallback.UnknownCharset) : DecodeAs(bytes, declared);
    }

    /// <summary>Decodes the joined bytes of encoded words; an unknown label falls back like raw header bytes.</summary>
    internal static string DecodeEncodedWordBytes(ReadOnlySpan<byte> bytes, string? label, string? fallbackCharset) =>
        CharsetRegistry.Lookup(label) is { } declared
            ? DecodeAs(bytes, declared).Text
            : DecodeHeaderBytes(bytes, fallbackCharset);

    internal static DecodedText DecodeAs(ReadOnlySpan<byte> bytes, CharsetInfo declared)
    {
        if (declared.AsciiCompatible && Utf8Text.IsAscii(bytes))
        {
            return new(Encoding.ASCII.GetString(bytes), declared.Name, CharsetFallback.None);
        }

        return declared.Kind switch
        {
            CharsetKind.Utf8 or CharsetKind.Ascii => DecodeUtf8Label(bytes, declared),
            CharsetKind.SingleByte => DecodeSingleByteLabel(bytes, declared),
            CharsetKind.Wide => new(DecodeWide(bytes, declared), declared.Name, CharsetFallback.None),
            _ => DecodeMultiByteLabel(bytes, declared),
        };
    }

    /// <summary>Decodes with exactly this charset (U+FFFD for bad bytes), skipping a byte order mark.</summary>
    internal static string DecodeWith(ReadOnlySpan<byte> bytes, CharsetInfo charset) => charset.Kind switch
    {
        CharsetKind.Utf8 or CharsetKind.Ascii => Utf8Text.Decode(bytes),
        CharsetKind.Wide => DecodeWide(bytes, charset),
        _ => charset.Encoding.GetString(bytes),
    };

    /// <summary>Decodes bytes with no usable label: ASCII or valid UTF-8 as UTF-8, anything else guessed.</summary>
    internal static DecodedText DecodeUndeclared(ReadOnlySpan<byte> bytes, CharsetFallback fallback)
    {
        if (Utf8Text.IsAscii(bytes))
        {
            // 7-bit Japanese mail often carries ISO-2022-JP without saying so.
            if (bytes.IndexOf((byte)0x1B) >= 0 && CharsetRegistry.FromCodePage(50220) is { } jis)
            {
                return new(jis.Encoding.GetString(bytes), jis.Name, fallback);
            }

            return new(Encoding.ASCII.GetString(bytes), "utf-8", fallback);
        }

        if (Utf8Text.IsValid(bytes))
        {
            return new(Utf8Text.Decode(bytes), "utf-8", fallback);
        }

        var guess = CharsetGuesser.Guess(bytes);
        return new(DecodeWith(bytes, guess), guess.Name, fallback);
    }

    private static DecodedText DecodeUtf8Label(ReadOnlySpan<byte> bytes, CharsetInfo declared)
    {
        if (Utf8Text.IsValid(bytes))
        {
            // 8-bit UTF-8 under an ASCII label is a lie, but a harmless one.
            return declared.Kind == CharsetKind.Utf8
                ? new(Utf8Text.Decode(bytes), declared.Name, CharsetFallback.None)
                : new(Utf8Text.Decode(bytes), "utf-8", CharsetFallback.DeclaredCharsetWrong);
        }

        if (IsMostlyUtf8(bytes))
        {
            return declared.Kind == CharsetKind.Utf8
                ? new(Utf8Text.Decode(bytes), declared.Name, CharsetFallback.None)
                : new(Utf8Text.Decode(bytes), "utf-8", CharsetFallback.DeclaredCharsetWrong);
        }

        // Otherwise the label may be wrong altogether (GBK or Latin-1 sent as UTF-8): guess,
        // with UTF-8 keeping its place unless another reading scores better.
        var guess = CharsetGuesser.Guess(bytes, CharsetRegistry.Utf8Charset);
        var fallback = guess.Kind == CharsetKind.Utf8 && declared.Kind == CharsetKind.Utf8
            ? CharsetFallback.None
            : CharsetFallback.DeclaredCharsetWrong;
        return new(DecodeWith(bytes, guess), guess.Name, fallback);
    }

    /// <summary>
    /// UTF-8 with a few broken spots (a cut sequence, a stray Latin-1 byte): some valid multi-byte
    /// characters, no more broken spots than those, and the broken bytes few (at most
    /// <see cref="MaxStrayBytes"/>) or under 2% of the text. Reading it as another charset
    /// would turn every correct character into mojibake to save the few bad bytes. Text in
    /// another charset rarely passes: GBK, Big5 or Latin-1 bytes form a valid UTF-8 sequence only
    /// now and then, and break into invalid ones far more often.
    /// </summary>
    private static bool IsMostlyUtf8(ReadOnlySpan<byte> bytes)
    {
        var (multiByte, invalid, invalidBytes) = Utf8Text.CountSequences(bytes);
        return multiByte > 0
            && invalid <= multiByte
            && (invalidBytes <= MaxStrayBytes || invalidBytes * 50 < bytes.Length);
    }

    private static DecodedText DecodeSingleByteLabel(ReadOnlySpan<byte> bytes, CharsetInfo declared)
    {
        // Every byte is "valid" in a single-byte charset, so only a better explanation can
        // expose a wrong label: valid multi-byte UTF-8 is one.
        if (Utf8Text.IsValid(bytes))
        {
            return new(Utf8Text.Decode(bytes), "utf-8", CharsetFallback.DeclaredCharsetWrong);
        }

        // GBK or Big5 mail labelled iso-8859-1 / windows-1252 by a misconfigured mailer.
        if (declared.Encoding.CodePage is 1252 or 28605)
        {
            var guess = CharsetGuesser.Guess(bytes, CharsetGuesser.CjkCandidates, declared, SingleByteLieMargin);
            if (!ReferenceEquals(guess, declared))
            {
                return new(DecodeWith(bytes, guess), guess.Name, CharsetFallback.DeclaredCharsetWrong);
            }
        }

        return new(declared.Encoding.GetString(bytes), declared.Name, CharsetFallback.None);
    }

    private static DecodedText DecodeMultiByteLabel(ReadOnlySpan<byte> bytes, CharsetInfo declared)
    {
        var utf8 = Utf8Text.IsValid(bytes);
        if (utf8 && (bytes.StartsWith(Utf8Text.Bom) || Utf8Text.CountLongSequences(bytes) >= 2))
        {
            // UTF-8 CJK text under a GB2312 label mostly decodes "without errors" as mojibake,
            // so error counting cannot catch it; several valid 3-byte sequences can.
            return new(Utf8Text.Decode(bytes), "utf-8", CharsetFallback.DeclaredCharsetWrong);
        }

        var text = declared.Encoding.GetString(bytes);
        if (!text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return new(text, declared.Name, CharsetFallback.None);
        }

        if (utf8)
        {
            return new(Utf8Text.Decode(bytes), "utf-8", CharsetFallback.DeclaredCharsetWrong);
        }

        var guess = CharsetGuesser.Guess(bytes, declared);
        return ReferenceEquals(guess, declared)
            ? new(text, declared.Name, CharsetFallback.None)
            : new(DecodeWith(bytes, guess), guess.Name, CharsetFallback.DeclaredCharsetWrong);
    }

    /// <summary>
    /// Decodes raw 8-bit header bytes (outside encoded words, or under an unknown label):
    /// UTF-8 when valid, else the fallback charset (normally the body's), else a guess.
    /// </summary>
    internal static string DecodeHeaderBytes(ReadOnlySpan<byte> bytes, string? fallbackCharset)
    {
        if (Utf8Text.IsAscii(bytes))
        {
            return bytes.IndexOf((byte)0x1B) >= 0
                ? DecodeUndeclared(bytes, CharsetFallback.Undeclared).Text
                : Encoding.ASCII.GetString(bytes);
        }

        if (Utf8Text.IsValid(bytes))
        {
            return Utf8Text.Decode(bytes);
        }

        return CharsetRegistry.Lookup(fallbackCharset) is not null
            ? Decode(bytes, fallbackCharset).Text
            : DecodeUndeclared(bytes, CharsetFallback.Undeclared).Text;
    }

    // A byte order mark overrides the label's byte order (RFC 2781 §4.3).
    private static string DecodeWide(ReadOnlySpan<byte> bytes, CharsetInfo declared)
    {
        if (declared.Encoding.CodePage is 1200 or 1201 && bytes.Length >= 2)
        {
            if (bytes[0] == 0xFF && bytes[1] == 0xFE)
            {
                return Encoding.Unicode.GetString(bytes[2..]);
            }

            if (bytes[0] == 0xFE && bytes[1] == 0xFF)
            {
                return Encoding.BigEndianUnicode.GetString(bytes[2..]);
            }
        }

        return declared.Encoding.GetString(bytes);
    }
}
