using MailTicketing.Tickets.Ports;
using Microsoft.Extensions.Logging;

namespace MailTicketing.Worker.Scheduling;

/// <summary>
/// Runs a job's work and writes its job_runs row at the end. The row is best effort: when it
/// cannot be written the job still counts as done (a warning is logged). A run cancelled by
/// the worker stopping is neither success nor failure and is not recorded.
/// </summary>
public sealed class JobRunRecorder(ICoordinationStore store, WorkerIdentity identity, TimeProvider clock, ILogger<JobRunRecorder> logger)
{
    private const int MaxErrorLength = 1000;

    /// <summary>How long writing the row may take; it runs even when the job's token was cancelled.</summary>
    public static readonly TimeSpan RecordTimeout = TimeSpan.FromSeconds(5);

    public TimeProvider Clock => clock;

    public string Owner => identity.Owner;

    /// <summary>
    /// Runs <paramref name="work"/> (returning what it did and, for a mailbox, its backlog) and
    /// records the outcome. Failures are logged and recorded, never thrown: the schedule simply
    /// runs the job again. Returns the error, or null when the work succeeded or was cancelled.
    /// </summary>
    public async Task<Exception?> RunAsync(string job, Func<CancellationToken, Task<(int Result, int? Backlog)>> work, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        try
        {
            var (result, backlog) = await work(cancellationToken);
            SchedulingLog.Done(logger, job, result);
            await RecordAsync(new JobRun(job, identity.Owner, started, clock.GetUtcNow(), null, result, backlog));
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            SchedulingLog.JobStopped(logger, job, "the worker is stopping");
            return null;
        }
        catch (Exception e)
        {
            SchedulingLog.JobFailed(logger, e, job);
            await RecordFailureAsync(job, started, e);
            return e;
        }
    }

    /// <summary>Records a failed run that began at <paramref name="started"/>.</summary>
    public Task RecordFailureAsync(string job, DateTimeOffset started, Exception error) =>
        RecordAsync(new JobRun(job, identity.Owner, started, clock.GetUtcNow(), Describe(error), null, null));

    /// <summary>Records a successful run.</summary>
    public Task RecordSuccessAsync(string job, DateTimeOffset started, int result, int? backlog) =>
        RecordAsync(new JobRun(job, identity.Owner, started, clock.GetUtcNow(), null, result, backlog));

    /// <summary>An exception as one line for job_runs.last_error.</summary>
    public static string Describe(Exception error)
    {
        var text = $"{error.GetType().Name}: {error.Message}".ReplaceLineEndings(" ");
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }

    private async Task RecordAsync(JobRun run)
    {
        try
        {
            using var timeout = new CancellationTokenSource(RecordTimeout);
            await store.RecordJobRunAsync(run, timeout.Token);
        }
        catch (Exception e)
        {
            SchedulingLog.RunNotRecorded(logger, e, run.Job);
        }
    }
}
