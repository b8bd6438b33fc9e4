using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace MailTicketing.Mime.Text;

/// <summary>Byte-level UTF-8 / ASCII checks used to judge what a charset label claims.</summary>
internal static class Utf8Text
{
    public static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    public static bool IsAscii(ReadOnlySpan<byte> bytes) => Ascii.IsValid(bytes);

    /// <summary>Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).</summary>
    public static bool IsValid(ReadOnlySpan<byte> bytes) => Utf8.IsValid(bytes);

    /// <summary>Counts sequences of three or four bytes. Only call on valid UTF-8.</summary>
    /// <remarks>
    /// Valid UTF-8 made only of 2-byte sequences happens by chance in GBK or Big5 text (a
    /// single Chinese character often is one); valid 3-byte sequences in a row almost never do.
    /// </remarks>
    public static int CountLongSequences(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        foreach (var b in bytes)
        {
            if (b >= 0xE0)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Counts valid sequences of two to four bytes, invalid sequences (each would decode to one
    /// U+FFFD) and the bytes those take.
    /// </summary>
    public static (int MultiByte, int Invalid, int InvalidBytes) CountSequences(ReadOnlySpan<byte> bytes)
    {
        int multiByte = 0, invalid = 0, invalidBytes = 0;
        while (true)
        {
            var next = bytes.IndexOfAnyExceptInRange((byte)0x00, (byte)0x7F);
            if (next < 0)
            {
                return (multiByte, invalid, invalidBytes);
            }

            bytes = bytes[next..];
            if (Rune.DecodeFromUtf8(bytes, out _, out var consumed) == OperationStatus.Done)
            {
                multiByte++;
            }
            else
            {
                invalid++;
                invalidBytes += consumed;
            }

            bytes = bytes[consumed..];
        }
    }

    /// <summary>Decodes UTF-8 (invalid bytes become U+FFFD), dropping a leading byte order mark.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Bom))
        {
            bytes = bytes[3..];
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
