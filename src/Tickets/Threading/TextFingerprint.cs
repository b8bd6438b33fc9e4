using System.Globalization;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text;

namespace MailTicketing.Tickets.Threading;

/// <summary>
/// A 64-bit SimHash over character 4-grams of normalised text: texts that differ by a few
/// words differ in a few bits. Character grams work for Chinese, which has no spaces.
/// </summary>
public static class TextFingerprint
{
    private const int GramLength = 4;

    /// <summary>Texts shorter than this (after normalising) are too short to call near-duplicates.</summary>
    public const int MinimumLength = 24;

    public static long Compute(string text)
    {
        var normalized = Normalize(text);
        if (normalized.Length < GramLength)
        {
            return 0;
        }

        // A bit's SimHash weight (grams with it set minus grams without) is positive exactly when
        // more than half the grams set it, so counting set bits is enough. Counted a byte of the
        // hash at a time: 8 vector adds per gram instead of 64 branches.
        var grams = normalized.Length - GramLength + 1;
        Span<Vector256<int>> ones = stackalloc Vector256<int>[8];
        var lanes = ByteLanes;
        for (var i = 0; i < grams; i++)
        {
            var hash = Fnv1a(normalized.AsSpan(i, GramLength));
            for (var b = 0; b < 8; b++)
            {
                ones[b] += lanes[(int)(hash >> (8 * b)) & 0xFF];
            }
        }

        ulong fingerprint = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (2 * ones[bit / 8].GetElement(bit % 8) > grams)
            {
                fingerprint |= 1UL << bit;
            }
        }

        return unchecked((long)fingerprint);
    }

    // Lane j of entry b is bit j of b.
    private static readonly Vector256<int>[] ByteLanes = [.. Enumerable.Range(0, 256).Select(b => Vector256.Create(
        b & 1, (b >> 1) & 1, (b >> 2) & 1, (b >> 3) & 1, (b >> 4) & 1, (b >> 5) & 1, (b >> 6) & 1, (b >> 7) & 1))];

    public static int Distance(long a, long b) => BitOperations.PopCount(unchecked((ulong)(a ^ b)));

    /// <summary>
    /// True when both texts are long enough and their fingerprints differ in at most 7 of 64 bits:
    /// a resend with a word or two changed (measured: one word in 250 characters moves about 6 bits).
    /// </summary>
    public static bool AreNearDuplicates(long a, long b) => a != 0 && b != 0 && Distance(a, b) <= MaxNearDuplicateDistance;

    public const int MaxNearDuplicateDistance = 7;

    /// <summary>Lower-case, width-folded (NFKC), letters and digits only: quoting, spacing and punctuation do not count.</summary>
    public static string Normalize(string text)
    {
        string folded;
        try
        {
            folded = text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate (a broken UTF-16 or UTF-7 part decodes to one) cannot be normalised:
            // read it as U+FFFD, as EnumerateRunes does, rather than fail the whole message.
            folded = string.Concat(text.EnumerateRunes()).Normalize(NormalizationForm.FormKC);
        }

        var builder = new StringBuilder(folded.Length);
        Span<char> utf16 = stackalloc char[2];
        foreach (var rune in folded.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                builder.Append(utf16[..Rune.ToLower(rune, CultureInfo.InvariantCulture).EncodeToUtf16(utf16)]);
            }
        }

        return builder.Length >= MinimumLength ? builder.ToString() : "";
    }

    private static ulong Fnv1a(ReadOnlySpan<char> gram)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in gram)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        // FNV's low bits mix poorly for short inputs; fold the high half in.
        return hash ^ (hash >> 29) ^ (hash << 17);
    }
}
