using System.Text;

namespace MailTicketing.Mime.Writing;

/// <summary>
/// RFC 2047 "B" encoded words in UTF-8. Words are cut only between whole characters (Runes), so
/// every word decodes on its own: a UTF-8 sequence or a surrogate pair is never split (RFC 2047 §5).
/// </summary>
internal static class EncodedWord
{
    public const int MaxLength = 75;

    private const string Prefix = "=?utf-8?B?";
    private const string Suffix = "?=";
    private const int Overhead = 12;

    public static int LengthFor(int byteCount) => Overhead + (byteCount + 2) / 3 * 4;

    public static int MaxBytesFor(int wordLength) => (wordLength - Overhead) / 4 * 3;

    /// <summary>UTF-8 length of the character at <paramref name="index"/> (a lone surrogate counts as U+FFFD).</summary>
    public static int NextRuneLength(string text, int index)
    {
        Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _);
        return rune.Utf8SequenceLength;
    }

    /// <summary>
    /// Encodes as many whole characters from <paramref name="index"/> as fit in
    /// <paramref name="maxBytes"/> UTF-8 octets (always at least one) and advances the index.
    /// </summary>
    public static string Take(string text, ref int index, int maxBytes)
    {
        Span<byte> bytes = stackalloc byte[Math.Max(maxBytes, 4)];
        var count = 0;
        while (index < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed);
            if (count > 0 && count + rune.Utf8SequenceLength > maxBytes)
            {
                break;
            }

            count += rune.EncodeToUtf8(bytes[count..]);
            index += consumed;
        }

        return Prefix + Convert.ToBase64String(bytes[..count]) + Suffix;
    }

    /// <summary>Splits the whole text into words of at most <paramref name="maxBytes"/> octets each.</summary>
    public static List<string> Split(string text, int maxBytes)
    {
        var words = new List<string>();
        var index = 0;
        while (index < text.Length)
        {
            words.Add(Take(text, ref index, maxBytes));
        }

        return words;
    }
}
