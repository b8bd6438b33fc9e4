using Quartz;

namespace MailTicketing.Worker.Configuration;

/// <summary>
/// "MailTicketing:Schedules:&lt;Job&gt;": when a scheduled job runs, as exactly one of
/// <see cref="Interval"/> ("00:00:10") or <see cref="Cron"/> (Quartz's form, seconds first:
/// "0 0/5 * * * ?"). Jobs without an entry keep their defaults (see JobSchedules).
/// </summary>
public sealed class ScheduleOptions
{
    /// <summary>The smallest interval accepted: a job polling more often than this is a mistake.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(1);

    public TimeSpan? Interval { get; set; }

    public string? Cron { get; set; }

    internal void Validate(string at, List<string> errors)
    {
        var hasCron = !string.IsNullOrWhiteSpace(Cron);
        switch (Interval, hasCron)
        {
            case ({ }, true):
                errors.Add($"{at} has both Interval ({Interval}) and Cron ('{Cron}'); give one of them.");
                break;
            case (null, false):
                errors.Add($"{at} needs Interval (such as 00:00:30) or Cron (Quartz's form with seconds, such as '0 0/5 * * * ?').");
                break;
            case ({ } interval, false) when interval < MinimumInterval:
                errors.Add($"{at}:Interval must be at least {MinimumInterval}, was {interval}.");
                break;
            case (null, true) when !CronExpression.TryParse(Cron!, out _):
                errors.Add($"{at}:Cron '{Cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year], one of the two days '?', such as '0 0/5 * * * ?'): {CronError(Cron!)}");
                break;
        }
    }

    private static string CronError(string cron)
    {
        try
        {
            CronExpression.Parse(cron);
            return "no reason given";
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }
}
