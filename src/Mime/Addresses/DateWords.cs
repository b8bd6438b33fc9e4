namespace MailTicketing.Mime;

/// <summary>The words a date value may contain: month and day names, zone names, AM/PM.</summary>
internal static class DateWords
{
    private static readonly string[] Months =
    [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ];

    private static readonly string[] Days =
    [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ];

    /// <summary>1-12 for an English month name or its abbreviation ("Jul", "July", "Sept"), else 0.</summary>
    public static int Month(ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
        {
            return 0;
        }

        for (var m = 0; m < Months.Length; m++)
        {
            if (IsPrefixOf(word, Months[m]))
            {
                return m + 1;
            }
        }

        return 0;
    }

    public static bool IsDayName(ReadOnlySpan<char> word)
    {
        // Chinese clients: 星期三, 周三, 礼拜三.
        if (word.StartsWith("星期") || word.StartsWith("礼拜") || (word.Length == 2 && word[0] == '周'))
        {
            return true;
        }

        if (word.Length < 2)
        {
            return false;
        }

        foreach (var day in Days)
        {
            if (IsPrefixOf(word, day))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>+1 for PM, -1 for AM, 0 for neither.</summary>
    public static int Meridiem(ReadOnlySpan<char> word)
    {
        if (word.Equals("PM", StringComparison.OrdinalIgnoreCase) || word.SequenceEqual("下午") || word.SequenceEqual("晚上"))
        {
            return 1;
        }

        if (word.Equals("AM", StringComparison.OrdinalIgnoreCase) || word.SequenceEqual("上午") || word.SequenceEqual("早上"))
        {
            return -1;
        }

        return 0;
    }

    /// <summary>
    /// The offset in minutes of a zone name. <paramref name="isUniversal"/> is set for UT/UTC/GMT,
    /// which clients follow with an offset ("GMT+0800").
    /// </summary>
    public static bool TryZone(ReadOnlySpan<char> word, out int minutes, out bool isUniversal)
    {
        isUniversal = false;
        minutes = 0;

        // RFC 5322 §4.3: military single letters were specified with the wrong sign, so they
        // carry no information and are read as +0000 (J is not a zone).
        if (word.Length == 1)
        {
            var c = char.ToUpperInvariant(word[0]);
            return c is >= 'A' and <= 'Z' && c != 'J';
        }

        Span<char> upper = stackalloc char[4];
        if (word.Length > upper.Length)
        {
            return false;
        }

        var n = word.ToUpperInvariant(upper);
        int? hours = upper[..n] switch
        {
            "UT" or "UTC" or "GMT" => 0,
            // RFC 5322 §4.3 obsolete North American zones.
            "EST" => -5,
            "EDT" => -4,
            "CST" => -6,
            "CDT" => -5,
            "MST" => -7,
            "MDT" => -6,
            "PST" => -8,
            "PDT" => -7,
            // Unambiguous names seen in real mail.
            "WET" => 0,
            "WEST" or "BST" or "CET" or "MET" => 1,
            "CEST" or "MEST" or "EET" => 2,
            "EEST" or "MSK" => 3,
            "HKT" or "SGT" or "AWST" => 8,
            "JST" or "KST" => 9,
            "AEST" => 10,
            "AEDT" => 11,
            "NZST" => 12,
            "NZDT" => 13,
            "AKST" => -9,
            "AKDT" => -8,
            "HST" => -10,
            _ => null,
        };

        if (hours is null)
        {
            return false;
        }

        minutes = hours.Value * 60;
        isUniversal = upper[..n] is "UT" or "UTC" or "GMT";
        return true;
    }

    private static bool IsPrefixOf(ReadOnlySpan<char> word, string full) =>
        word.Length <= full.Length && full.AsSpan(0, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase);
}
