using MailTicketing.Tickets.Sla;

namespace MailTicketing.Tickets.Tests.Sla;

/// <summary>Calendars and local times the SLA tests share.</summary>
internal static class Calendars
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>Mon-Fri 09:00-12:00 and 13:00-18:00 in Shanghai; National Day week 2025-10-01..07 closed, Sunday 2025-09-28 a make-up day, 2025-12-31 a half day.</summary>
    public static BusinessCalendar ShanghaiOffice() => Compile(new BusinessCalendarOptions
    {
        Name = "office",
        TimeZone = "Asia/Shanghai",
        Hours = new() { ["Mon-Fri"] = "09:00-12:00, 13:00-18:00" },
        Holidays =
        [
            new() { Date = "2025-10-01..2025-10-07", Name = "National Day" },
            new() { Date = "2025-12-31", Hours = "09:00-12:00", Name = "New Year's Eve" },
        ],
        WorkingDays = [new() { Date = "2025-09-28", Hours = "09:00-18:00" }],
    });

    public static BusinessCalendar Compile(BusinessCalendarOptions options)
    {
        var errors = new List<string>();
        var calendar = CalendarCompiler.Compile(options, "test", errors);
        Assert.True(calendar is not null, string.Join("\n", errors));
        return calendar;
    }

    /// <summary>A wall-clock time in a zone; must exist and be unambiguous there.</summary>
    public static DateTimeOffset At(TimeZoneInfo zone, int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        Assert.False(zone.IsInvalidTime(local) || zone.IsAmbiguousTime(local), $"{local} is not a plain time in {zone.Id}");
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static DateTimeOffset Sh(int month, int day, int hour, int minute = 0) => At(Shanghai, 2025, month, day, hour, minute);
}
