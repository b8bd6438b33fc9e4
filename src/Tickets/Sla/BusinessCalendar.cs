using System.Collections.Concurrent;

namespace MailTicketing.Tickets.Sla;

/// <summary>
/// When a team works: opening hours per weekday (several intervals a day), dates with other
/// hours (holidays, half days, make-up working days), all in wall-clock time of one time zone.
/// Business time is real elapsed time inside opening hours: a working day that contains a
/// daylight-saving change is an hour shorter or longer by the clock on the wall, and no
/// instant is ever counted twice. Where the wall clock is ambiguous (the repeated hour of a
/// fall-back) an opening is taken at its earlier instant and a closing at its later one; where
/// it does not exist (the skipped hour of a spring-forward) both map to the instant the clock
/// jumps. Instants returned are in UTC.
/// </summary>
public sealed class BusinessCalendar
{
    // Bounds every scan: with working time in the weekly pattern (checked at construction) a
    // target is reached long before, so hitting it means a caller asked for centuries.
    private const int MaxDaysScanned = 366 * 200;

    // Days already converted to UTC windows: a scheduler evaluates the same few weeks for every
    // open ticket on every run. Cleared when it grows past a few years of days.
    private const int MaxCachedDays = 4096;

    private readonly ConcurrentDictionary<DateOnly, (long Start, long End)[]> _windows = new();

    private readonly IReadOnlyList<WorkingInterval>[] _weekly = new IReadOnlyList<WorkingInterval>[7];
    private readonly Dictionary<DateOnly, IReadOnlyList<WorkingInterval>> _dates;

    /// <param name="weekly">Opening hours per weekday; a missing weekday is closed.</param>
    /// <param name="dates">Dates whose hours differ: an empty list is a holiday, a shorter list a half day, hours on a weekend a make-up working day.</param>
    /// <exception cref="ArgumentException">Intervals overlap, or the week has no working time at all (every deadline would be infinitely far).</exception>
    public BusinessCalendar(
        string name,
        TimeZoneInfo timeZone,
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> weekly,
        IReadOnlyDictionary<DateOnly, IReadOnlyList<WorkingInterval>>? dates = null)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        Name = name;
        TimeZone = timeZone;
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            _weekly[(int)day] = Normalise(weekly.TryGetValue(day, out var hours) ? hours : [], day.ToString());
            WeeklyHours += Sum(_weekly[(int)day]);
        }

        if (WeeklyHours <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Calendar '{name}' has no working time in its week; deadlines could never be reached.", nameof(weekly));
        }

        _dates = [];
        foreach (var (date, hours) in dates ?? new Dictionary<DateOnly, IReadOnlyList<WorkingInterval>>())
        {
            _dates[date] = Normalise(hours, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public string Name { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>Working time of a week without special dates, by the wall clock.</summary>
    public TimeSpan WeeklyHours { get; }

    /// <summary>Open around the clock, every day: business time equals elapsed time.</summary>
    public static BusinessCalendar AlwaysOpen(string name, TimeZoneInfo timeZone)
    {
        IReadOnlyList<WorkingInterval> whole = [new WorkingInterval(TimeSpan.Zero, TimeSpan.FromHours(24))];
        return new BusinessCalendar(name, timeZone, Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => whole));
    }

    /// <summary>The opening hours of one local date (its special hours, or its weekday's).</summary>
    public IReadOnlyList<WorkingInterval> HoursOn(DateOnly date) =>
        _dates.TryGetValue(date, out var special) ? special : _weekly[(int)date.DayOfWeek];

    public bool IsOpen(DateTimeOffset instant)
    {
        var at = instant.UtcTicks;
        var day = LocalDate(instant);
        for (var d = day.AddDays(-1); d <= day; d = d.AddDays(1))
        {
            if (Windows(d).Any(w => w.Start <= at && at < w.End))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The earliest instant by which <paramref name="duration"/> of business time has passed
    /// since <paramref name="start"/>. A target that ends exactly at closing time is that
    /// closing time, not the next opening. Walks whole days, not minutes.
    /// </summary>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (duration == TimeSpan.Zero)
        {
            return start.ToUniversalTime();
        }

        var from = start.UtcTicks;
        var remaining = duration.Ticks;
        var lastEnd = long.MinValue;
        var day = LocalDate(start).AddDays(-1);
        for (var scanned = 0; scanned < MaxDaysScanned; scanned++, day = day.AddDays(1))
        {
            foreach (var (windowStart, windowEnd) in Windows(day))
            {
                var open = Math.Max(windowStart, Math.Max(from, lastEnd));
                lastEnd = Math.Max(lastEnd, windowEnd);
                if (windowEnd <= open)
                {
                    continue;
                }

                if (remaining <= windowEnd - open)
                {
                    return new DateTimeOffset(open + remaining, TimeSpan.Zero);
                }

                remaining -= windowEnd - open;
            }
        }

        throw new InvalidOperationException($"Calendar '{Name}': {duration} of business time after {start:O} is more than {MaxDaysScanned} days away.");
    }

    /// <summary>
    /// Business time from <paramref name="from"/> to <paramref name="to"/>; negative when
    /// <paramref name="to"/> is earlier, so "time left" and "overdue" are one subtraction.
    /// </summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -BusinessTimeBetween(to, from);
        }

        long a = from.UtcTicks, b = to.UtcTicks, total = 0, lastEnd = long.MinValue;
        var last = LocalDate(to).AddDays(1);
        for (var day = LocalDate(from).AddDays(-1); day <= last; day = day.AddDays(1))
        {
            foreach (var (windowStart, windowEnd) in Windows(day))
            {
                var open = Math.Max(windowStart, Math.Max(a, lastEnd));
                var close = Math.Min(windowEnd, b);
                lastEnd = Math.Max(lastEnd, windowEnd);
                if (close > open)
                {
                    total += close - open;
                }
            }
        }

        return TimeSpan.FromTicks(total);
    }

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>The opening windows of a local date as UTC ticks, sorted and merged.</summary>
    private (long Start, long End)[] Windows(DateOnly date)
    {
        if (_windows.TryGetValue(date, out var cached))
        {
            return cached;
        }

        if (_windows.Count >= MaxCachedDays)
        {
            _windows.Clear();
        }

        var hours = HoursOn(date);
        if (hours.Count == 0)
        {
            return _windows[date] = [];
        }

        var into = new List<(long Start, long End)>(hours.Count);
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // Most days have one offset from midnight to midnight: no per-boundary zone lookups then.
        var plainOffset = PlainOffset(midnight, midnight.AddDays(1));
        foreach (var interval in hours)
        {
            var start = plainOffset is { } o ? (midnight + interval.Start - o).Ticks : ToInstant(midnight + interval.Start, closing: false);
            var end = plainOffset is { } p ? (midnight + interval.End - p).Ticks : ToInstant(midnight + interval.End, closing: true);
            if (end <= start)
            {
                continue; // wholly inside a skipped hour
            }

            if (into.Count > 0 && start <= into[^1].End)
            {
                // A fall-back can make the later instant of one closing pass the earlier instant
                // of the next opening: one window, counted once.
                into[^1] = (into[^1].Start, Math.Max(into[^1].End, end));
            }
            else
            {
                into.Add((start, end));
            }
        }

        return _windows[date] = [.. into];
    }

    /// <summary>The zone's offset when it is the same at both ends of a day and neither end is skipped or repeated; else null.</summary>
    private TimeSpan? PlainOffset(DateTime from, DateTime to)
    {
        if (TimeZone.IsInvalidTime(from) || TimeZone.IsAmbiguousTime(from) || TimeZone.IsInvalidTime(to) || TimeZone.IsAmbiguousTime(to))
        {
            return null;
        }

        var offset = TimeZone.GetUtcOffset(from);
        return TimeZone.GetUtcOffset(to) == offset ? offset : null;
    }

    private long ToInstant(DateTime local, bool closing)
    {
        if (TimeZone.IsInvalidTime(local))
        {
            return JumpInstant(local);
        }

        if (TimeZone.IsAmbiguousTime(local))
        {
            var offsets = TimeZone.GetAmbiguousTimeOffsets(local);
            var offset = closing ? offsets.Min() : offsets.Max();
            return (local - offset).Ticks;
        }

        return (local - TimeZone.GetUtcOffset(local)).Ticks;
    }

    /// <summary>
    /// For a wall-clock time the clock skips, the instant of the jump: the first instant whose
    /// wall-clock reading is at or after it. Found by bisection over the surrounding day; the
    /// reading is monotonic there because a zone never falls back within hours of springing forward.
    /// </summary>
    private long JumpInstant(DateTime local)
    {
        var low = local.Ticks - TimeSpan.TicksPerHour * 15;
        var high = local.Ticks + TimeSpan.TicksPerHour * 15;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var reading = middle + TimeZone.GetUtcOffset(new DateTime(middle, DateTimeKind.Utc)).Ticks;
            if (reading >= local.Ticks)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    private static IReadOnlyList<WorkingInterval> Normalise(IReadOnlyList<WorkingInterval> hours, string what)
    {
        var sorted = hours.OrderBy(h => h.Start).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Start < sorted[i - 1].End)
            {
                throw new ArgumentException($"Opening hours of {what} overlap: {sorted[i - 1]} and {sorted[i]}.", nameof(hours));
            }
        }

        return sorted;
    }

    private static TimeSpan Sum(IReadOnlyList<WorkingInterval> hours) =>
        hours.Aggregate(TimeSpan.Zero, (total, h) => total + h.Length);
}
