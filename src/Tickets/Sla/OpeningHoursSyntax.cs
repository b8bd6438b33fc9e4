using System.Globalization;

namespace MailTicketing.Tickets.Sla;

/// <summary>
/// The configuration spellings of a calendar: weekdays ("Mon-Fri", "Saturday", "Sat,Sun",
/// "Daily"), opening hours ("09:00-12:00, 13:00-18:00", "00:00-24:00", "closed") and dates
/// ("2025-10-01" or a range "2025-10-01..2025-10-07").
/// </summary>
internal static class OpeningHoursSyntax
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static bool TryParseDays(string text, out List<DayOfWeek> days, out string error)
    {
        days = [];
        error = "";
        var trimmed = text.Trim();
        if (trimmed.Equals("daily", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("every day", StringComparison.OrdinalIgnoreCase))
        {
            days.AddRange(Enum.GetValues<DayOfWeek>());
            return true;
        }

        foreach (var part in trimmed.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-', StringSplitOptions.TrimEntries);
            if (range.Length is < 1 or > 2 || !TryParseDay(range[0], out var first) || !TryParseDay(range[^1], out var last))
            {
                error = $"'{part}' is not a weekday or a range of weekdays like Mon-Fri";
                return false;
            }

            // A range may wrap over the weekend: Fri-Mon is Friday, Saturday, Sunday, Monday.
            for (var day = first; ; day = (DayOfWeek)(((int)day + 1) % 7))
            {
                days.Add(day);
                if (day == last)
                {
                    break;
                }
            }
        }

        if (days.Count == 0)
        {
            error = "no weekday named";
            return false;
        }

        return true;
    }

    public static bool TryParseHours(string? text, out List<WorkingInterval> hours, out string error)
    {
        hours = [];
        error = "";
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Equals("closed", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var part in trimmed.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !TryParseTime(ends[0], out var start) || !TryParseTime(ends[1], out var end))
            {
                error = $"'{part}' is not an interval like 09:00-18:00";
                return false;
            }

            if (start >= end)
            {
                error = $"'{part}' ends before it starts (an interval stays within one day; 00:00-24:00 is the whole day)";
                return false;
            }

            hours.Add(new WorkingInterval(start, end));
        }

        hours.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 1; i < hours.Count; i++)
        {
            if (hours[i].Start < hours[i - 1].End)
            {
                error = $"{hours[i - 1]} and {hours[i]} overlap";
                return false;
            }
        }

        return true;
    }

    public static bool TryParseDates(string text, out List<DateOnly> dates, out string error)
    {
        dates = [];
        error = "";
        var ends = text.Split("..", StringSplitOptions.TrimEntries);
        if (ends.Length is < 1 or > 2 || !TryParseDate(ends[0], out var first) || !TryParseDate(ends[^1], out var last))
        {
            error = $"'{text}' is not a date like 2025-10-01 or a range like 2025-10-01..2025-10-07";
            return false;
        }

        if (last < first || last.DayNumber - first.DayNumber > 366)
        {
            error = $"'{text}' is not a range of at most a year, first date first";
            return false;
        }

        for (var date = first; date <= last; date = date.AddDays(1))
        {
            dates.Add(date);
        }

        return true;
    }

    private static bool TryParseDay(string text, out DayOfWeek day)
    {
        day = default;
        if (text.Length < 3)
        {
            return false;
        }

        var index = Array.IndexOf(DayNames, text[..3].ToLowerInvariant());
        if (index < 0 || !Enum.GetName((DayOfWeek)index)!.StartsWith(text, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        day = (DayOfWeek)index;
        return true;
    }

    private static bool TryParseTime(string text, out TimeSpan time)
    {
        time = default;
        if (text is "24:00")
        {
            time = TimeSpan.FromHours(24);
            return true;
        }

        if (!TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        time = parsed.ToTimeSpan();
        return true;
    }

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
