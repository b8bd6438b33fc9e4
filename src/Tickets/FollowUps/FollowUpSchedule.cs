using System.Diagnostics.CodeAnalysis;
using MailTicketing.Tickets.Sla;

namespace MailTicketing.Tickets.FollowUps;

/// <summary>Compiled follow-up timings; built by <see cref="TryCreate"/>, which reports every configuration problem at once.</summary>
public sealed class FollowUpSchedule
{
    private readonly BusinessCalendar? _calendar;

    public FollowUpSchedule(bool enabled, TimeSpan? reminderAfter, TimeSpan closeAfter, TimeSpan? resolvedCloseAfter, bool notifyOnResolvedClose, BusinessCalendar? calendar = null)
    {
        Enabled = enabled;
        ReminderAfter = reminderAfter;
        CloseAfter = closeAfter;
        ResolvedCloseAfter = resolvedCloseAfter;
        NotifyOnResolvedClose = notifyOnResolvedClose;
        _calendar = calendar;
    }

    public bool Enabled { get; }

    public TimeSpan? ReminderAfter { get; }

    public TimeSpan CloseAfter { get; }

    public TimeSpan? ResolvedCloseAfter { get; }

    public bool NotifyOnResolvedClose { get; }

    /// <summary>The calendar of the business clock; null for wall-clock delays.</summary>
    public BusinessCalendar? Calendar => _calendar;

    /// <summary>The instant <paramref name="delay"/> after <paramref name="since"/> on this schedule's clock.</summary>
    public DateTimeOffset After(DateTimeOffset since, TimeSpan delay) =>
        _calendar is null ? since + delay : _calendar.AddBusinessTime(since, delay);

    public static bool TryCreate(
        FollowUpOptions options,
        IReadOnlyDictionary<string, BusinessCalendar> calendars,
        [NotNullWhen(true)] out FollowUpSchedule? schedule,
        out IReadOnlyList<string> errors,
        string section = FollowUpOptions.Section)
    {
        var problems = new List<string>();
        if (options.ReminderAfter is { } reminder && reminder <= TimeSpan.Zero)
        {
            problems.Add($"{section}:ReminderAfter must be positive, was {reminder}; leave it empty for no reminder.");
        }

        if (options.CloseAfter <= TimeSpan.Zero)
        {
            problems.Add($"{section}:CloseAfter must be positive, was {options.CloseAfter}.");
        }
        else if (options.ReminderAfter is { } before && before >= options.CloseAfter)
        {
            problems.Add($"{section}:CloseAfter ({options.CloseAfter}) must be later than ReminderAfter ({before}), or the reminder would come after the ticket is closed.");
        }

        if (options.ResolvedCloseAfter is { } quiet && quiet <= TimeSpan.Zero)
        {
            problems.Add($"{section}:ResolvedCloseAfter must be positive, was {quiet}; leave it empty to keep resolved tickets open.");
        }

        BusinessCalendar? calendar = null;
        if (!Enum.IsDefined(options.Clock))
        {
            problems.Add($"{section}:Clock must be Wall or Business, was '{options.Clock}'.");
        }
        else if (options.Clock == FollowUpClock.Business)
        {
            if (string.IsNullOrWhiteSpace(options.Calendar))
            {
                problems.Add($"{section}:Calendar is empty; the Business clock needs a calendar from MailTicketing:Sla:Calendars.");
            }
            else if (!calendars.TryGetValue(options.Calendar.Trim(), out calendar))
            {
                problems.Add($"{section}:Calendar '{options.Calendar}' is not among the calendars ({string.Join(", ", calendars.Keys)}).");
            }
        }

        errors = problems;
        schedule = problems.Count == 0
            ? new FollowUpSchedule(options.Enabled, options.ReminderAfter, options.CloseAfter, options.ResolvedCloseAfter, options.NotifyOnResolvedClose, calendar)
            : null;
        return schedule is not null;
    }
}
