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

    /// <summary>The trigger, first firing at <paramref name="startAt"/> (a time in the past fires once, at once: the misfire policy).</summary>
    public ITrigger ToTrigger(DateTimeOffset startAt, TimeProvider clock) =>
        TriggerBuilder.Create(clock)
            .WithIdentity(Name, Group)
            .ForJob(Key)
            .StartAt(startAt)
            .WithSchedule(Schedule.ToQuartz())
            .WithMisfireThreshold(Schedule.MisfireThreshold(clock.GetUtcNow()))
            .Build();
}
