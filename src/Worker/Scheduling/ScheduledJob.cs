using Quartz;

namespace MailTicketing.Worker.Scheduling;

/// <summary>One job of the worker's schedule: its key (also its job-run record's name), class, data and schedule.</summary>
public sealed record ScheduledJob(string Name, Type JobType, IReadOnlyDictionary<string, string> Data, JobSchedule Schedule)
{
    /// <summary>The Quartz group of every job this worker schedules.</summary>
    public const string Group = "MailTicketing";

    public JobKey Key => new(Name, Group);

    public IJobDetail ToJobDetail()
    {
        var builder = JobBuilder.Create().OfType(JobType).WithIdentity(Key).StoreDurably();
        foreach (var (key, value) in Data)
        {
            builder = builder.UsingJobData(key, value);
        }

        return builder.Build();
    }

    /// <summary>
    /// The job's triggers: its schedule, first due at <paramref name="startAt"/> (an interval
    /// schedule fires at once; a time in the past is a misfire and fires once). A cron schedule
    /// starts at its next time, so when one of its times passed since the job last started
    /// (<paramref name="lastStarted"/>, from job_runs; null when it never ran) a one-off
    /// trigger runs the missed run once, now.
    /// </summary>
    public IReadOnlyList<ITrigger> ToTriggers(DateTimeOffset startAt, DateTimeOffset? lastStarted, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var schedule = TriggerBuilder.Create(clock)
            .WithIdentity(Name, Group)
            .ForJob(Key)
            .StartAt(startAt)
            .WithSchedule(Schedule.ToQuartz())
            .WithMisfireThreshold(Schedule.MisfireThreshold(now))
            .Build();
        if (Schedule.Cron is not { } cron || (lastStarted is { } last && !(CronExpression.Parse(cron).GetNextValidTimeAfter(last) <= now)))
        {
            return [schedule];
        }

        var catchUp = TriggerBuilder.Create(clock)
            .WithIdentity(Name + ".catch-up", Group)
            .ForJob(Key)
            .StartAt(now)
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        return [schedule, catchUp];
    }
}
