using System.Buffers;

namespace MailTicketing.Mime.Text;

/// <summary>
/// Picks a charset for bytes that are not what they claim (or claim nothing): decodes a sample
/// with each candidate and scores the result, so that the decode with the fewest errors and the
/// most frequently used characters wins. Deterministic; ties go to the earlier candidate.
/// </summary>
internal static class CharsetGuesser
{
    private const int SampleLength = 8 * 1024;

    // Earlier wins ties. GB18030 first: the users of this system mostly write Chinese.
    private static readonly CharsetInfo[] Candidates =
    [
        CharsetRegistry.Utf8Charset,
        CharsetRegistry.FromCodePage(54936)!,
        CharsetRegistry.FromCodePage(950)!,
        CharsetRegistry.FromCodePage(1252)!,
        CharsetRegistry.FromCodePage(932)!,
        CharsetRegistry.FromCodePage(949)!,
    ];

    /// <summary>The CJK candidates only, for checking a single-byte label that may hide GBK or Big5.</summary>
    public static ReadOnlySpan<CharsetInfo> CjkCandidates => Candidates.AsSpan(1..3);

    public static ReadOnlySpan<CharsetInfo> AllCandidates => Candidates;

    /// <summary>
    /// The best candidate for <paramref name="bytes"/>. An <paramref name="incumbent"/> is scored
    /// first and keeps its place unless a candidate beats it by more than <paramref name="margin"/>.
    /// </summary>
    public static CharsetInfo Guess(ReadOnlySpan<byte> bytes, CharsetInfo? incumbent = null, int margin = 0) =>
        Guess(bytes, Candidates, incumbent, margin);

    public static CharsetInfo Guess(ReadOnlySpan<byte> bytes, ReadOnlySpan<CharsetInfo> candidates, CharsetInfo? incumbent, int margin)
    {
        var sample = bytes.Length > SampleLength ? bytes[..SampleLength] : bytes;
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(sample.Length * 2, 16));
        try
        {
            var best = incumbent;
            var bestScore = incumbent is null ? long.MinValue : Score(incumbent, sample, buffer) + margin;
            foreach (var candidate in candidates)
            {
                if (ReferenceEquals(candidate, incumbent))
                {
                    continue;
                }

                var score = Score(candidate, sample, buffer);
                if (best is null || score > bestScore)
                {
                    best = candidate;
                    bestScore = score;
                }
            }

            return best ?? CharsetRegistry.Utf8Charset;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static long Score(CharsetInfo charset, ReadOnlySpan<byte> sample, char[] buffer)
    {
        // Every candidate yields at most one char per byte (GB18030's four bytes give two), so
        // a buffer of twice the sample length always suffices.
        var count = charset.Encoding.GetChars(sample, buffer);
        return Score(buffer.AsSpan(0, count));
    }

    internal static long Score(ReadOnlySpan<char> text)
    {
        var weights = CharWeights.Table;
        long score = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                continue;
            }

            int weight = weights[c];

            // Accented letters inside Latin words (the é in "café"); CJK read as windows-1252
            // gives runs of accented letters instead, away from ASCII letters.
            if (c is >= '\u00C0' and <= '\u00FF'
                && ((i > 0 && char.IsAsciiLetter(text[i - 1])) || (i + 1 < text.Length && char.IsAsciiLetter(text[i + 1]))))
            {
                weight += 2;
            }

            score += weight;
        }

        return score;
    }
}
