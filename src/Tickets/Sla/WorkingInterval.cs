using System.Globalization;

namespace MailTicketing.Tickets.Sla;

/// <summary>
/// Opening hours within one local day, in wall-clock time: <c>09:00-12:00</c>. <see cref="End"/>
/// may be 24:00 (the next midnight), so <c>00:00-24:00</c> is a whole day.
/// </summary>
public readonly record struct WorkingInterval
{
    public WorkingInterval(TimeSpan start, TimeSpan end)
    {
        if (start < TimeSpan.Zero || end > TimeSpan.FromHours(24) || start >= end)
        {
            throw new ArgumentException($"A working interval runs forward within one day (00:00-24:00), was {Format(start)}-{Format(end)}.");
        }

        Start = start;
        End = end;
    }

    public TimeSpan Start { get; }

    public TimeSpan End { get; }

    public TimeSpan Length => End - Start;

    public override string ToString() => $"{Format(Start)}-{Format(End)}";

    private static string Format(TimeSpan time) =>
        ((int)time.TotalHours).ToString("D2", CultureInfo.InvariantCulture) + ":" + time.Minutes.ToString("D2", CultureInfo.InvariantCulture);
}
