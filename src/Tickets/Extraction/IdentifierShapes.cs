namespace MailTicketing.Tickets.Extraction;

// Shape tests on candidate identifiers in folded text, apart from the scanner's state.
internal static class IdentifierShapes
{
    // Rejects numbers that are part of something else: emails (12345678@qq.com), domains, decimals,
    // dates and times (2024-03-18, 21:04), phone numbers (+86 …), percentages, money and amounts.
    public static bool HasCleanNeighbours(string text, int start, int end)
    {
        char before = Chars.At(text, start - 1);
        if (before is '.' or '@' or '/' or '+' or '_' or '%' or '&' or '?' or '$' or '¥' or '￥' or '€' or '£' or '\\')
        {
            return false;
        }

        char after = Chars.At(text, end);
        char next = Chars.At(text, end + 1);
        if (after is '@' or '_' or '%' or '\\')
        {
            return false;
        }

        if (after is '.' or ',' or ':' or '-' or '/' && char.IsAsciiDigit(next))
        {
            return false;
        }

        if (after == '.' && char.IsAsciiLetter(next))
        {
            return false;
        }

        if ("元年月日号個个次天分秒万亿块枚笔".Contains(after))
        {
            return false;
        }

        return !AmountScanner.IsAssetAt(text, end);
    }

    public static bool LooksLikeDateOrVersion(ReadOnlySpan<char> value)
    {
        // 2024-03-18, 2024_03_18: a date given after "order", not an order id.
        int separators = value.Count('-') + value.Count('_');
        if (separators == 2 && value.Length == 10 && Chars.IsDigits(value[..4]))
        {
            return true;
        }

        return value.Length > 1 && value[0] is 'v' or 'V' && Chars.IsDigits(value[1..]) && value.Length <= 4;
    }

    // Hashes and addresses are uniformly random hex: "aaaa…aaa", "3d3d3d…" and padded values
    // ("…e2300000000000000000000000000000000") are artwork, encodings or test data. A random
    // 64-hex value fails these tests with a probability below 1e-9.
    public static bool LooksRandom(ReadOnlySpan<char> hex)
    {
        int run = 1;
        Span<bool> seen = stackalloc bool[128];
        int distinct = 0;
        for (int i = 0; i < hex.Length; i++)
        {
            char c = char.ToLowerInvariant(hex[i]);
            if (!seen[c])
            {
                seen[c] = true;
                distinct++;
            }

            run = i > 0 && char.ToLowerInvariant(hex[i - 1]) == c ? run + 1 : 1;
            if (run >= 8)
            {
                return false;
            }
        }

        return distinct >= (hex.Length >= 64 ? 10 : Math.Min(8, hex.Length / 3));
    }

    public static bool IsListContinuation(string text, int previousEnd, int start)
    {
        if (start - previousEnd > 10)
        {
            return false;
        }

        var gap = text.AsSpan(previousEnd, start - previousEnd);
        int i = 0;
        while (i < gap.Length)
        {
            char c = gap[i];
            if (char.IsAsciiLetter(c))
            {
                int wordStart = i;
                while (i < gap.Length && char.IsAsciiLetter(gap[i]))
                {
                    i++;
                }

                var word = gap[wordStart..i];
                if (!word.Equals("and", StringComparison.OrdinalIgnoreCase) && !word.Equals("or", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
            else if (c is ' ' or '\t' or ',' or '、' or '/' or '&' or ';' or '|' or '和' or '及' or '与' or '或' or '以')
            {
                i++;
            }
            else
            {
                return false;
            }
        }

        return gap.Length > 0;
    }
}
