using System.Globalization;

namespace MailTicketing.Tickets.Sla;

/// <summary>
/// Short texts for <c>tickets list</c> and status output: "2h 10m left", "overdue 45m",
/// "paused, 3h left", "met", "breached by 1h 30m". Durations are business time, in hours and
/// minutes (a "day" of business time would be ambiguous).
/// </summary>
public static class SlaDisplay
{
    /// <summary>One clock.</summary>
    public static string Describe(SlaClock clock)
    {
        if (clock.State == SlaClockState.Stopped)
        {
            return clock.Breached ? "breached by " + Duration(clock.Elapsed - clock.Target) : "met";
        }

        var text = clock.Remaining > TimeSpan.Zero ? Duration(clock.Remaining) + " left" : "overdue " + Duration(-clock.Remaining);
        return clock.State == SlaClockState.Paused ? "paused, " + text : text;
    }

    /// <summary>The clock that matters now: first response while it is open, then resolution.</summary>
    public static string Summary(SlaStatus status)
    {
        if (status.FirstResponse.State != SlaClockState.Stopped)
        {
            return "response " + Describe(status.FirstResponse);
        }

        if (status.Resolution.State != SlaClockState.Stopped)
        {
            return "resolution " + Describe(status.Resolution);
        }

        return status.FirstResponse.Breached || status.Resolution.Breached ? "breached" : "met";
    }

    /// <summary>"2h 10m", "45m", "26h", "&lt;1m". Rounded down to the minute; under a minute is "&lt;1m".</summary>
    public static string Duration(TimeSpan span)
    {
        var minutes = (long)Math.Floor(Math.Abs(span.TotalMinutes));
        if (minutes == 0)
        {
            return "<1m";
        }

        var hours = minutes / 60;
        var rest = minutes % 60;
        return hours == 0
            ? rest.ToString(CultureInfo.InvariantCulture) + "m"
            : rest == 0
                ? hours.ToString(CultureInfo.InvariantCulture) + "h"
                : $"{hours.ToString(CultureInfo.InvariantCulture)}h {rest.ToString(CultureInfo.InvariantCulture)}m";
    }
}
