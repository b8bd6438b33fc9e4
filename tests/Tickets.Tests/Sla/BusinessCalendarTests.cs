using MailTicketing.Tickets.Sla;
using static MailTicketing.Tickets.Tests.Sla.Calendars;

namespace MailTicketing.Tickets.Tests.Sla;

public sealed class BusinessCalendarTests
{
    private readonly BusinessCalendar _office = ShanghaiOffice();

    [Fact]
    public void Business_time_skips_the_lunch_break()
    {
        // Tuesday 2025-03-11, 11:00 + 3h: 11-12, then 13-15.
        Assert.Equal(Sh(3, 11, 15), _office.AddBusinessTime(Sh(3, 11, 11), TimeSpan.FromHours(3)));
        Assert.Equal(TimeSpan.FromHours(3), _office.BusinessTimeBetween(Sh(3, 11, 11), Sh(3, 11, 15)));
    }

    [Fact]
    public void Business_time_carries_over_the_weekend()
    {
        // Friday 17:00 + 2h: one hour on Friday, one on Monday morning.
        Assert.Equal(Sh(3, 17, 10), _office.AddBusinessTime(Sh(3, 14, 17), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(2), _office.BusinessTimeBetween(Sh(3, 14, 17), Sh(3, 17, 10)));
    }

    [Fact]
    public void A_start_outside_opening_hours_counts_from_the_next_opening()
    {
        Assert.Equal(Sh(3, 17, 9, 30), _office.AddBusinessTime(Sh(3, 15, 22), TimeSpan.FromMinutes(30)));
        Assert.Equal(Sh(3, 11, 13, 30), _office.AddBusinessTime(Sh(3, 11, 12, 15), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void A_target_that_ends_at_closing_time_is_that_closing_time()
    {
        Assert.Equal(Sh(3, 11, 18), _office.AddBusinessTime(Sh(3, 11, 17), TimeSpan.FromHours(1)));
        Assert.Equal(Sh(3, 11, 12), _office.AddBusinessTime(Sh(3, 11, 9), TimeSpan.FromHours(3)));
    }

    [Fact]
    public void A_holiday_week_is_closed_and_a_make_up_sunday_is_open()
    {
        // Friday 2025-09-26 17:00 + 3h: 1h Friday, then Sunday 28th (make-up day) 09:00-11:00.
        Assert.Equal(Sh(9, 28, 11), _office.AddBusinessTime(Sh(9, 26, 17), TimeSpan.FromHours(3)));

        // Tuesday 2025-09-30 17:00 + 2h: 1h, then National Day week, then Wednesday 8 October 10:00.
        Assert.Equal(Sh(10, 8, 10), _office.AddBusinessTime(Sh(9, 30, 17), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(1), _office.BusinessTimeBetween(Sh(9, 30, 17), Sh(10, 8, 9)));
    }

    [Fact]
    public void A_half_day_holiday_is_open_only_in_its_hours()
    {
        // 2025-12-31 (Wednesday) is open 09:00-12:00 only.
        Assert.Equal(Sh(12, 31, 12), _office.AddBusinessTime(Sh(12, 31, 10), TimeSpan.FromHours(2)));
        Assert.Equal(At(Shanghai, 2026, 1, 1, 10), _office.AddBusinessTime(Sh(12, 31, 11), TimeSpan.FromHours(2)));
        Assert.False(_office.IsOpen(Sh(12, 31, 14)));
        Assert.True(_office.IsOpen(Sh(12, 31, 11)));
    }

    [Fact]
    public void Business_time_between_is_negative_when_the_end_is_earlier()
    {
        Assert.Equal(TimeSpan.FromHours(-2), _office.BusinessTimeBetween(Sh(3, 17, 10), Sh(3, 14, 17)));
    }

    [Fact]
    public void Spring_forward_inside_working_hours_loses_no_business_time()
    {
        // New York springs forward on Sunday 2025-03-09 at 02:00 -> 03:00: the day has 23 real hours.
        var always = BusinessCalendar.AlwaysOpen("ny", NewYork);
        var sunday = At(NewYork, 2025, 3, 9, 0);
        var monday = At(NewYork, 2025, 3, 10, 0);
        Assert.Equal(TimeSpan.FromHours(23), always.BusinessTimeBetween(sunday, monday));
        Assert.Equal(At(NewYork, 2025, 3, 10, 1), always.AddBusinessTime(sunday, TimeSpan.FromHours(24)));

        // Open 01:00-04:00 by the wall clock: the staff are there from 01:00 to 04:00, two real hours.
        var night = Compile(new BusinessCalendarOptions { Name = "night", TimeZone = "America/New_York", Hours = new() { ["Daily"] = "01:00-04:00" } });
        Assert.Equal(TimeSpan.FromHours(2), night.BusinessTimeBetween(sunday, monday));
        Assert.Equal(At(NewYork, 2025, 3, 9, 3, 30), night.AddBusinessTime(sunday, TimeSpan.FromHours(1.5)));
    }

    [Fact]
    public void Fall_back_inside_working_hours_counts_the_repeated_hour_once_as_real_time()
    {
        // New York falls back on Sunday 2025-11-02 at 02:00 -> 01:00: the day has 25 real hours.
        var always = BusinessCalendar.AlwaysOpen("ny", NewYork);
        var sunday = At(NewYork, 2025, 11, 2, 0);
        var monday = At(NewYork, 2025, 11, 3, 0);
        Assert.Equal(TimeSpan.FromHours(25), always.BusinessTimeBetween(sunday, monday));

        var night = Compile(new BusinessCalendarOptions { Name = "night", TimeZone = "America/New_York", Hours = new() { ["Daily"] = "00:00-03:00" } });
        Assert.Equal(TimeSpan.FromHours(4), night.BusinessTimeBetween(sunday, monday));

        // Intervals meeting inside the repeated hour are one window: nothing is counted twice.
        var split = Compile(new BusinessCalendarOptions { Name = "split", TimeZone = "America/New_York", Hours = new() { ["Daily"] = "00:30-01:30, 01:30-03:00" } });
        Assert.Equal(TimeSpan.FromHours(3.5), split.BusinessTimeBetween(sunday, monday));
    }

    [Fact]
    public void Berlin_office_hours_keep_their_length_across_a_night_transition()
    {
        // Berlin switches at 02:00 / 03:00 at night: an office day stays 8 hours, and the
        // instants move by the offset change (UTC+1 to UTC+2).
        var berlin = Compile(new BusinessCalendarOptions { Name = "berlin", TimeZone = "Europe/Berlin", Hours = new() { ["Mon-Fri"] = "09:00-17:00" } });
        var friday = At(Berlin, 2025, 3, 28, 16);
        var due = berlin.AddBusinessTime(friday, TimeSpan.FromHours(2));
        Assert.Equal(At(Berlin, 2025, 3, 31, 10), due);
        Assert.Equal(TimeSpan.FromHours(2), berlin.BusinessTimeBetween(friday, due));
        Assert.Equal(new DateTimeOffset(2025, 3, 31, 8, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void An_opening_inside_the_skipped_hour_starts_when_the_clock_jumps()
    {
        var odd = Compile(new BusinessCalendarOptions { Name = "odd", TimeZone = "Europe/Berlin", Hours = new() { ["Sun"] = "02:30-04:00" } });
        var saturday = At(Berlin, 2025, 3, 29, 12);
        // 2025-03-30: 02:00 CET jumps to 03:00 CEST at 01:00Z; open from then until 04:00 CEST (02:00Z).
        Assert.Equal(new DateTimeOffset(2025, 3, 30, 1, 30, 0, TimeSpan.Zero), odd.AddBusinessTime(saturday, TimeSpan.FromMinutes(30)));
        Assert.Equal(TimeSpan.FromHours(1), odd.BusinessTimeBetween(saturday, At(Berlin, 2025, 3, 31, 0)));
    }

    [Theory]
    [InlineData("Asia/Shanghai")]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    public void Adding_then_measuring_gives_back_the_duration(string zone)
    {
        var calendar = Compile(new BusinessCalendarOptions
        {
            Name = "mixed",
            TimeZone = zone,
            Hours = new() { ["Mon-Fri"] = "00:00-03:00, 09:00-12:00, 13:00-18:00", ["Sun"] = "01:00-03:30" },
            Holidays = [new() { Date = "2025-03-10..2025-03-12" }, new() { Date = "2025-11-03", Hours = "09:00-10:00" }],
        });
        var random = new Random(20250309);
        var origin = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 400; i++)
        {
            var start = origin.AddMinutes(random.Next(0, 365 * 24 * 60));
            var duration = TimeSpan.FromMinutes(random.Next(1, 200 * 60));
            var end = calendar.AddBusinessTime(start, duration);
            Assert.True(end > start);
            Assert.Equal(duration, calendar.BusinessTimeBetween(start, end));

            // Earliest: a minute less of business time is reached strictly earlier.
            Assert.True(calendar.AddBusinessTime(start, duration - TimeSpan.FromMinutes(1)) < end);
        }
    }

    [Fact]
    public void Long_durations_are_walked_by_whole_days()
    {
        // 520 weeks of 40 hours from Monday 2025-01-06 09:00. 2025 is 36 hours short (National
        // Day week -40, the half day -5, the make-up Sunday +9), so the end is 36 business hours
        // past Monday 2034-12-25 09:00: Friday 2034-12-29 14:00.
        var start = Sh(1, 6, 9);
        var duration = TimeSpan.FromHours(40 * 520);
        var end = _office.AddBusinessTime(start, duration);
        Assert.Equal(At(Shanghai, 2034, 12, 29, 14), end);
        Assert.Equal(duration, _office.BusinessTimeBetween(start, end));
    }

    [Fact]
    public void A_week_without_working_time_is_refused()
    {
        var closed = new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>();
        Assert.Throws<ArgumentException>(() => new BusinessCalendar("closed", Shanghai, closed));
    }
}
