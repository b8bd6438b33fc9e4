using Microsoft.Extensions.Logging;
using Quartz;

namespace MailTicketing.Worker.Scheduling;

/// <summary>
/// Runs one <see cref="IScheduledSweep"/>, named by <see cref="SweepKey"/> in the job data: the
/// SLA job (JobSchedules.Sla) and the follow-up job (JobSchedules.FollowUps) are two jobs of
/// this one class, each with its own key, schedule and job-run record.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SweepJob(IEnumerable<IScheduledSweep> sweeps, JobRunRecorder recorder, ILogger<SweepJob> logger) : IJob
{
    public const string SweepKey = "sweep";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var name = context.MergedJobDataMap.GetString(SweepKey) ?? "";
        var sweep = sweeps.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        if (sweep is null)
        {
            SchedulingLog.UnknownTarget(logger, name);
            return;
        }

        await recorder.RunAsync(sweep.Name, async ct => (await sweep.RunAsync(recorder.Clock.GetUtcNow(), ct), null), cancellationToken);
    }
}
