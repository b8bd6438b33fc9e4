namespace MailTicketing.Mime.Tests.Addresses;

public class DateParserTests
{
    private static DateTimeOffset Parse(string value)
    {
        Assert.True(DateParser.TryParse(value, out var date), $"expected '{value}' to parse");
        return date;
    }

    private static DateTimeOffset At(int y, int mo, int d, int h, int mi, int s, int offsetMinutes = 0) =>
        new(y, mo, d, h, mi, s, TimeSpan.FromMinutes(offsetMinutes));

    private static void AssertExactly(DateTimeOffset expected, DateTimeOffset actual)
    {
        Assert.Equal(expected, actual);
        Assert.Equal(expected.Offset, actual.Offset);
    }

    [Fact]
    public void Rfc5322_date_with_day_of_week_and_numeric_zone_parses()
    {
        AssertExactly(At(2003, 7, 1, 10, 52, 37, 120), Parse("Tue, 1 Jul 2003 10:52:37 +0200"));
    }

    [Theory]
    [InlineData("1 Jul 2003 10:52:37 +0200")]
    [InlineData("Tue 1 Jul 2003 10:52:37 +0200")]
    [InlineData("Tuesday, 1 Jul 2003 10:52:37 +0200")]
    [InlineData("Tue,  01   Jul   2003   10:52:37   +0200")]
    [InlineData("Tue,1 Jul 2003 10:52:37 +0200")]
    [InlineData("Tue, 1 July 2003 10:52:37 +0200")]
    [InlineData("Tue, 1 JUL 2003 10:52:37 +0200")]
    [InlineData("Tue, 1 jul 2003 10:52:37 +0200")]
    [InlineData("Tue, 01-Jul-2003 10:52:37 +0200")]
    [InlineData("Tue, 1.Jul.2003 10:52:37 +0200")]
    [InlineData("Jul 1 2003 10:52:37 +0200")]
    [InlineData("Jul 1, 2003 10:52:37 +0200")]
    [InlineData("Tue, 1 Jul 2003 10:52:37 +02:00")]
    [InlineData("Tue, 1 Jul 2003 10:52:37 GMT+0200")]
    [InlineData("Tue, 1 Jul 2003 10:52:37 UTC+02:00")]
    [InlineData("Tue, 1 Jul 2003 10:52:37 +0200 (CEST)")]
    [InlineData("Tue, 1 Jul 2003 10:52:37 (CEST) +0200")]
    [InlineData("2003-07-01T10:52:37+02:00")]
    [InlineData("2003-07-01T10:52:37.123+02:00")]
    [InlineData("2003-07-01 10:52:37 +0200")]
    [InlineData("2003/07/01 10:52:37 +0200")]
    [InlineData("Tue, 1 Jul 2003 10:52:37 CEST")]
    [InlineData("'Tue, 1 Jul 2003 10:52:37 +0200'")]
    public void Variants_clients_send_all_read_as_the_same_instant(string value)
    {
        AssertExactly(At(2003, 7, 1, 10, 52, 37, 120), Parse(value));
    }

    [Theory]
    [InlineData("Tue, 1 Jul 03 10:52:37 +0000", 2003)]
    [InlineData("Tue, 1 Jul 49 10:52:37 +0000", 2049)]
    [InlineData("Tue, 1 Jul 50 10:52:37 +0000", 1950)]
    [InlineData("Tue, 1 Jul 99 10:52:37 +0000", 1999)]
    [InlineData("Tue, 1 Jul 103 10:52:37 +0000", 2003)]
    [InlineData("Tue, 1 Jul 2003 10:52:37 +0000", 2003)]
    public void Two_and_three_digit_years_follow_rfc5322_section_4_3(string value, int year)
    {
        Assert.Equal(year, Parse(value).Year);
    }

    [Theory]
    [InlineData("Tue, 1 Jul 2003 10:52:37 UT", 0)]
    [InlineData("Tue, 1 Jul 2003 10:52:37 GMT", 0)]
    [InlineData("Tue, 1 Jul 2003 10:52:37 EST", -300)]
    [InlineData("Tue, 1 Jul 2003 10:52:37 EDT", -240)]
    [InlineData("Tue, 1 Jul 2003 10:52:37 CST", -360)]
    [InlineData("Tue, 1 Jul 2003 10:52:37 CDT", -300)]
    [InlineData("Tue, 1 Jul 2003 10:52:37 MST", -420)]
    [InlineData("Tue, 1 Jul 2003 10:52:37 MDT", -360)]
    [InlineData("Tue, 1 Jul 2003 10:52:37 PST", -480)]
    [InlineData("Tue, 1 Jul 2003 10:52:37 PDT", -420)]
    [InlineData("Tue, 1 Jul 2003 10:52:37 pdt", -420)]
    [InlineData("Tue, 1 Jul 2003 10:52:37 JST", 540)]
    [InlineData("Tue, 1 Jul 2003 10:52:37 Z", 0)]
    [InlineData("Tue, 1 Jul 2003 10:52:37 A", 0)]
    [InlineData("Tue, 1 Jul 2003 10:52:37 Y", 0)]
    [InlineData("Tue, 1 Jul 2003 10:52:37 -0330", -210)]
    [InlineData("Tue, 1 Jul 2003 10:52:37 +0545", 345)]
    [InlineData("Tue, 1 Jul 2003 10:52:37 -0000", 0)]
    [InlineData("Fri, 22 Aug 2003 9:15:19 --0700", -420)]
    public void Zone_names_and_offsets_give_the_offset(string value, int offsetMinutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), Parse(value).Offset);
    }

    [Fact]
    public void Cst_is_the_rfc_american_zone_even_when_a_chinese_comment_follows_an_offset()
    {
        // The numeric offset wins; "(CST)" is a comment.
        Assert.Equal(TimeSpan.FromHours(8), Parse("Thu, 8 Jan 2015 01:25:21 +0800 (CST)").Offset);
    }

    [Theory]
    [InlineData("Tue, 1 Jul 2003 10:52:37")]
    [InlineData("Tue, 1 Jul 2003 10:52:37 LOCAL")]
    [InlineData("Tue, 1 Jul 2003 10:52:37 +9999")]
    public void Missing_unknown_or_impossible_zone_is_utc(string value)
    {
        AssertExactly(At(2003, 7, 1, 10, 52, 37), Parse(value));
    }

    [Fact]
    public void Missing_seconds_are_zero()
    {
        AssertExactly(At(2003, 7, 1, 10, 52, 0, 120), Parse("1 Jul 2003 10:52 +0200"));
    }

    [Fact]
    public void Missing_time_is_midnight()
    {
        AssertExactly(At(2003, 7, 1, 0, 0, 0), Parse("1 Jul 2003"));
    }

    [Fact]
    public void Date_without_time_keeps_a_following_offset()
    {
        AssertExactly(At(2003, 7, 1, 0, 0, 0, -420), Parse("1 Jul 2003 -0700"));
    }

    [Fact]
    public void Leap_second_is_read_as_the_second_before_it()
    {
        AssertExactly(At(2016, 12, 31, 23, 59, 59), Parse("Sat, 31 Dec 2016 23:59:60 +0000"));
    }

    [Theory]
    [InlineData("Tue Jul  1 10:52:37 2003")]
    [InlineData("Tue Jul 1 10:52:37 GMT 2003")]
    public void Asctime_form_with_year_last_parses(string value)
    {
        AssertExactly(At(2003, 7, 1, 10, 52, 37), Parse(value));
    }

    [Fact]
    public void Asctime_with_zone_before_the_year_uses_the_zone()
    {
        AssertExactly(At(1991, 6, 7, 9, 8, 57, -240), Parse("Fri Jun  7 09:08:57 EDT 1991"));
    }

    [Theory]
    [InlineData("December 1, 2014 at 2:59:42 PM PST", 2014, 12, 1, 14, 59, 42, -480)]
    [InlineData("October 12, 2010 at 12:36:29 AM PDT", 2010, 10, 12, 0, 36, 29, -420)]
    [InlineData("Wed, Feb 9, 2011 at 11:54 AM", 2011, 2, 9, 11, 54, 0, 0)]
    [InlineData("Saturday, January 23, 2010, 7:54 AM", 2010, 1, 23, 7, 54, 0, 0)]
    [InlineData("Thursday, April 09, 2003 9:00 AM", 2003, 4, 9, 9, 0, 0, 0)]
    [InlineData("Thursday, January 20, 2011, 4:26 PM", 2011, 1, 20, 16, 26, 0, 0)]
    [InlineData("May 8, 2005 1:17 PM", 2005, 5, 8, 13, 17, 0, 0)]
    public void Forwarded_message_headers_with_am_pm_parse(string value, int y, int mo, int d, int h, int mi, int s, int off)
    {
        AssertExactly(At(y, mo, d, h, mi, s, off), Parse(value));
    }

    [Theory]
    [InlineData("2024-05-01 10:00:00 +0800")]
    [InlineData("2024/5/1 10:00:00 +0800")]
    [InlineData("2024年5月1日 10:00:00 +0800")]
    [InlineData("2024年5月1日 星期三 上午10:00:00 +0800")]
    public void Chinese_client_forms_parse(string value)
    {
        AssertExactly(At(2024, 5, 1, 10, 0, 0, 480), Parse(value));
    }

    [Fact]
    public void Chinese_afternoon_marker_before_the_time_adds_twelve_hours()
    {
        AssertExactly(At(2024, 5, 1, 15, 0, 0, 480), Parse("2024年5月1日 下午3:00 +0800"));
    }

    [Theory]
    [InlineData("29-04-2017 23:34", 29, 4)]
    [InlineData("01.07.2003 23:34", 1, 7)]
    [InlineData("04/29/2017 23:34", 29, 4)]
    [InlineData("07/01/2003 23:34", 1, 7)]
    [InlineData("29/04/2017 23:34", 29, 4)]
    public void Numeric_dates_with_a_four_digit_year_put_day_first_except_us_slashes(string value, int day, int month)
    {
        var date = Parse(value);
        Assert.Equal((day, month), (date.Day, date.Month));
    }

    [Theory]
    [InlineData("Fri, 07 Apr 2023 17:30:44 +0200Received: from m241-41.example.com (m241-41.example.com [1.1.1.1])")]
    [InlineData("Fri, 07 Apr 2023 17:30:44 +0200 From: Mail Delivery Subsystem <MAILER-DAEMON@example.org>")]
    [InlineData("Fri, 07 Apr 2023 17:30:44 +0200<br>")]
    public void Text_glued_after_a_complete_date_is_ignored(string value)
    {
        AssertExactly(At(2023, 4, 7, 17, 30, 44, 120), Parse(value));
    }

    [Theory]
    // Real values from the test corpus.
    [InlineData("Tue, 029 Apr 2019 23:34:45 -0800 (PST)", "2019-04-29T23:34:45-08:00")]
    [InlineData("Thu, 27 Apr 95 01:14:08 0800", "1995-04-27T01:14:08+08:00")]
    [InlineData("Thu,       13         Feb           1969       23:32                -0330 (Newfoundland Time)", "1969-02-13T23:32:00-03:30")]
    [InlineData("Tue, 19 Sep 1995 13:30:00 (EDT) -0400", "1995-09-19T13:30:00-04:00")]
    [InlineData("Mon, 20 Sep 2021 21:32:59 +0200 (GMT+02:00)", "2021-09-20T21:32:59+02:00")]
    [InlineData("Tue, 12 Oct 2010 16:21:05 H0500", "2010-10-12T16:21:05+00:00")]
    [InlineData("Mon, 21 May 2018 05:07:53 &#43;0000", "2018-05-21T05:07:53+00:00")]
    [InlineData("Sunday 26 October 2003 20:19", "2003-10-26T20:19:00+00:00")]
    [InlineData("18 Jan 1992 17:19 (Saturday)", "1992-01-18T17:19:00+00:00")]
    [InlineData("Thursday, Apr 29, 2008 2:45:56 PM ", "2008-04-29T14:45:56+00:00")]
    [InlineData("Mon, 30 Jun 3609 15:33:50 +0600", "3609-06-30T15:33:50+06:00")]
    [InlineData("Tue, 7 Apr 2026 10:00:t <rimap-test@example.test>", "2026-04-07T10:00:00+00:00")]
    public void Odd_dates_from_real_mail_parse(string value, string expected)
    {
        AssertExactly(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Parse(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Whenever")]
    [InlineData("<HR>")]
    [InlineData("Thu,")]
    [InlineData("Tue, 32 Jul 2003 10:52:37 +0200")]
    [InlineData("Tue, 31 Jun 2003 10:52:37 +0200")]
    [InlineData("Thu, 29 Feb 2003 10:52:37 +0200")]
    [InlineData("Tue, 1 Jul 2003 25:52:37 +0200")]
    [InlineData("Tue, 1 Jul 2003 10:60:37 +0200")]
    [InlineData("Tue, 1 Jul 2003 10:52:61 +0200")]
    [InlineData("Wed, 15 Dec 2010    59:10 -0500")]
    [InlineData("Pn, 29 paX 2007 21:13:00 +0100")]
    [InlineData("1 Jul 10:52:37")]
    [InlineData("Jul 2003")]
    [InlineData("01-02-03 10:00")]
    [InlineData("2003-13-01 10:00")]
    [InlineData("99999999999999999999 Jul 99999999999999999999")]
    [InlineData("1 Jul 10000 10:00")]
    public void Invalid_or_incomplete_values_are_rejected(string? value)
    {
        Assert.False(DateParser.TryParse(value, out var date));
        Assert.Equal(default, date);
    }

    [Fact]
    public void Leap_day_in_a_leap_year_is_accepted()
    {
        Assert.Equal(29, Parse("Mon, 29 Feb 2016 18:04:09 +0000").Day);
    }

    [Fact]
    public void Edges_of_the_representable_range_do_not_throw()
    {
        Assert.False(DateParser.TryParse("1 Jan 0001 00:00:00 +0100", out _));
        Assert.False(DateParser.TryParse("31 Dec 9999 23:59:59 -0100", out _));
        Assert.True(DateParser.TryParse("31 Dec 9999 23:59:59 +0100", out _));
    }

    [Fact]
    public void Very_long_and_hostile_values_do_not_throw()
    {
        var hostile = new[]
        {
            new string('(', 100_000),
            string.Concat(Enumerable.Repeat("1 Jul 2003 ", 10_000)),
            string.Concat(Enumerable.Repeat("+-:", 10_000)),
            "1 Jul 2003 10:52:37 +" + new string('9', 1000),
            "\0\u0001\uFFFF\uD800 1 Jul 2003",
        };
        foreach (var value in hostile)
        {
            DateParser.TryParse(value, out _);
        }

        // Trailing repetitions are ignored once a date is complete.
        Assert.True(DateParser.TryParse(hostile[1], out var date));
        Assert.Equal(At(2003, 7, 1, 0, 0, 0), date);
    }
}
