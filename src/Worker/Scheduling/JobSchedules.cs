using MailTicketing.Worker.Configuration;

namespace MailTicketing.Worker.Scheduling;

/// <summary>
/// The scheduled jobs by name, their default schedules, and the names of the job-run records
/// (`status`). "MailboxPoll" is the schedule of every mailbox's poll; each mailbox is its own
/// job, "MailboxPoll/&lt;mailbox&gt;".
/// </summary>
public static class JobSchedules
{
    public const string MailboxPoll = "MailboxPoll";
    public const string Outbox = "Outbox";
    public const string Sla = "Sla";
    public const string FollowUps = "FollowUps";

    /// <summary>The names MailTicketing:Schedules accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = [MailboxPoll, Outbox, Sla, FollowUps];

    /// <summary>The job (and job-run record) polling <paramref name="mailbox"/>.</summary>
    public static string MailboxJob(string mailbox) => $"{MailboxPoll}/{mailbox}";

    /// <summary>The configured schedule of <paramref name="name"/>, or its default.</summary>
    public static JobSchedule For(WorkerOptions options, string name)
    {
        var configured = options.Schedules.FirstOrDefault(s => string.Equals(s.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        if (configured is not null)
        {
            return new JobSchedule(configured.Interval, string.IsNullOrWhiteSpace(configured.Cron) ? null : configured.Cron.Trim());
        }

        return JobSchedule.Every(name switch
        {
            MailboxPoll => options.PollInterval,
            Outbox => TimeSpan.FromSeconds(10),
            FollowUps => TimeSpan.FromMinutes(5),
            _ => TimeSpan.FromMinutes(1),
        });
    }

    /// <summary>Every problem of MailTicketing:Schedules: unknown names, both or neither of Interval and Cron, a cron that does not parse.</summary>
    public static void Validate(WorkerOptions options, List<string> errors)
    {
        foreach (var (name, schedule) in options.Schedules.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var at = $"MailTicketing:Schedules:{name}";
            if (!Names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{at} is not a scheduled job; the jobs are {string.Join(", ", Names)}.");
                continue;
            }

            schedule.Validate(at, errors);
        }
    }
}
