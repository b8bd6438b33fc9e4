namespace MailTicketing.Tickets.Sla;

/// <summary>Turns calendar options into a <see cref="BusinessCalendar"/>, reporting every problem with its setting path.</summary>
internal static class CalendarCompiler
{
    public static BusinessCalendar? Compile(BusinessCalendarOptions options, string at, List<string> errors)
    {
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(options.Name))
        {
            errors.Add($"{at}:Name is empty.");
        }

        TimeZoneInfo? zone = null;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            errors.Add($"{at}:TimeZone '{options.TimeZone}' is not a known time zone; use an IANA id like Asia/Shanghai or Europe/Berlin.");
        }

        var weekly = new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>();
        foreach (var (days, text) in options.Hours)
        {
            if (!OpeningHoursSyntax.TryParseDays(days, out var parsedDays, out var dayError))
            {
                errors.Add($"{at}:Hours:{days}: {dayError}.");
                continue;
            }

            if (!OpeningHoursSyntax.TryParseHours(text, out var hours, out var hoursError))
            {
                errors.Add($"{at}:Hours:{days} is '{text}': {hoursError}.");
                continue;
            }

            foreach (var day in parsedDays)
            {
                if (!weekly.TryAdd(day, hours))
                {
                    errors.Add($"{at}:Hours names {day} more than once (key '{days}').");
                }
            }
        }

        if (errors.Count == before && weekly.Values.All(h => h.Count == 0))
        {
            errors.Add($"{at}:Hours has no working time in the week, so no deadline could ever be reached; for around the clock use {{ \"Daily\": \"00:00-24:00\" }}.");
        }

        var dates = new Dictionary<DateOnly, IReadOnlyList<WorkingInterval>>();
        AddDates(options.Holidays, $"{at}:Holidays", requireHours: false, dates, errors);
        AddDates(options.WorkingDays, $"{at}:WorkingDays", requireHours: true, dates, errors);

        return errors.Count == before && zone is not null
            ? new BusinessCalendar(options.Name.Trim(), zone, weekly, dates)
            : null;
    }

    private static void AddDates(List<SpecialDateOptions> list, string at, bool requireHours, Dictionary<DateOnly, IReadOnlyList<WorkingInterval>> dates, List<string> errors)
    {
        for (var i = 0; i < list.Count; i++)
        {
            var entry = list[i];
            if (!OpeningHoursSyntax.TryParseDates(entry.Date, out var parsed, out var dateError))
            {
                errors.Add($"{at}:{i}:Date: {dateError}.");
                continue;
            }

            if (!OpeningHoursSyntax.TryParseHours(entry.Hours, out var hours, out var hoursError))
            {
                errors.Add($"{at}:{i}:Hours is '{entry.Hours}': {hoursError}.");
                continue;
            }

            if (requireHours && hours.Count == 0)
            {
                errors.Add($"{at}:{i}:Hours is empty; a working day needs its opening hours, like 09:00-18:00.");
                continue;
            }

            foreach (var date in parsed)
            {
                if (!dates.TryAdd(date, hours))
                {
                    errors.Add($"{at}:{i}: {date:yyyy-MM-dd} is listed more than once among the calendar's holidays and working days.");
                }
            }
        }
    }
}
