using Quartz;

namespace MailTicketing.Worker.Scheduling;

/// <summary>
/// When one job runs: every <see cref="Interval"/>, or at the times of a Quartz <see cref="Cron"/>
/// expression (in the machine's time zone). Either way a run missed while the worker was down
/// or busy runs once as soon as it can, then the schedule goes on: never once per missed slot.
/// </summary>
public sealed record JobSchedule(TimeSpan? Interval, string? Cron)
{
    public static JobSchedule Every(TimeSpan interval) => new(interval, null);

    public static JobSchedule At(string cron) => new(null, cron);

    /// <summary>Quartz's schedule with the catch-up-once misfire policy.</summary>
    public IScheduleBuilder ToQuartz() => Interval is { } interval
        ? SimpleScheduleBuilder.Create()
            .WithInterval(interval)
            .RepeatForever()
            // Rescheduled to now, keeping the interval from there: one catch-up run.
            .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)
        : CronScheduleBuilder.Create(Cron!)
            .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed);

    /// <summary>
    /// How late a firing may be before it counts as missed: half the period, within 1 s to 1 min.
    /// A firing held up by a long run (DisallowConcurrentExecution) longer than that is a misfire
    /// and runs once; a shorter threshold than the store's minute keeps a 10 s schedule from
    /// firing its held-up slots back to back.
    /// </summary>
    public TimeSpan MisfireThreshold(DateTimeOffset now) =>
        TimeSpan.FromTicks(Math.Clamp(Period(now).Ticks / 2, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromMinutes(1).Ticks));

    /// <summary>The time between two runs: the interval, or the gap between the cron's next two times after <paramref name="now"/>.</summary>
    public TimeSpan Period(DateTimeOffset now)
    {
        if (Interval is { } interval)
        {
            return interval;
        }

        var cron = CronExpression.Parse(Cron!);
        var next = cron.GetNextValidTimeAfter(now);
        var after = next is { } first ? cron.GetNextValidTimeAfter(first) : null;
        // A cron that fires once more at most (a year field in the past): treat it as daily.
        return next is { } a && after is { } b ? b - a : TimeSpan.FromDays(1);
    }

    public override string ToString() => Interval is { } interval ? $"every {interval}" : $"cron '{Cron}'";
}
