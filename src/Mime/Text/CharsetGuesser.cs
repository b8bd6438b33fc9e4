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

    private static readonly CharsetInfo[] Cjk =
    [
        CharsetRegistry.FromCodePage(54936)!,
        CharsetRegistry.FromCodePage(950)!,
        CharsetRegistry.FromCodePage(932)!,
        CharsetRegistry.FromCodePage(949)!,
    ];

    /// <summary>The CJK candidates only, for checking a single-byte label that may hide GBK, Big5, Shift_JIS or EUC-KR.</summary>
    public static ReadOnlySpan<CharsetInfo> CjkCandidates => Cjk;

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
        var text = buffer.AsSpan(0, count);
        var score = Score(text);
        if (charset.Kind == CharsetKind.Utf8)
        {
            // Valid multi-byte UTF-8 sequences hardly ever arise by chance, so each one is
            // strong evidence: mostly-UTF-8 text with a broken or truncated sequence stays UTF-8.
            score += 3L * CountDecodedNonAscii(text);
        }

        return score;
    }

    private static int CountDecodedNonAscii(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c >= '\u0080' && c != '\uFFFD')
            {
                count++;
            }
        }

        return count;
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

            // Accented letters sit inside Latin words (the é in "café"); CJK bytes read as
            // windows-1252 give runs of accented letters and symbols instead.
            if (c is >= '\u00C0' and <= '\u00FF' and not '\u00D7' and not '\u00F7')
            {
                var previous = i > 0 ? text[i - 1] : ' ';
                var next = i + 1 < text.Length ? text[i + 1] : ' ';
                if (char.IsAsciiLetter(previous) && char.IsAsciiLetter(next))
                {
                    weight += 5;
                }
                else if (char.IsAsciiLetter(previous) || char.IsAsciiLetter(next))
                {
                    weight += 3;
                }
                else if (previous >= '\u0080' && next >= '\u0080')
                {
                    weight -= 1;
                }
            }

            score += weight;
        }

        return score;
    }
}
