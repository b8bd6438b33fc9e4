using Microsoft.Extensions.Logging;

namespace MailTicketing.Worker.Scheduling;

/// <summary>The scheduler's log events, with stable ids (11xx).</summary>
internal static partial class SchedulingLog
{
    [LoggerMessage(EventId = 1101, EventName = "JobScheduled", Level = LogLevel.Information, Message = "{Job}: {Schedule}")]
    public static partial void Scheduled(ILogger logger, string job, string schedule);

    [LoggerMessage(EventId = 1102, EventName = "NoSweeps", Level = LogLevel.Information, Message = "No SLA or follow-up sweep is registered; the jobs {Jobs} are not scheduled")]
    public static partial void NoSweeps(ILogger logger, string jobs);

    [LoggerMessage(EventId = 1103, EventName = "JobFailed", Level = LogLevel.Error, Message = "{Job} failed; it runs again at its next scheduled time")]
    public static partial void JobFailed(ILogger logger, Exception exception, string job);

    [LoggerMessage(EventId = 1114, EventName = "PollFailed", Level = LogLevel.Error, Message = "{Job} failed; next attempt in {RetryIn}")]
    public static partial void PollFailed(ILogger logger, Exception exception, string job, TimeSpan retryIn);

    [LoggerMessage(EventId = 1104, EventName = "JobStopped", Level = LogLevel.Information, Message = "{Job} stopped: {Reason}")]
    public static partial void JobStopped(ILogger logger, string job, string reason);

    [LoggerMessage(EventId = 1105, EventName = "JobRunNotRecorded", Level = LogLevel.Warning, Message = "{Job}: the run could not be recorded in job_runs")]
    public static partial void RunNotRecorded(ILogger logger, Exception exception, string job);

    [LoggerMessage(EventId = 1106, EventName = "LeaseHeldElsewhere", Level = LogLevel.Debug, Message = "{Mailbox}: another worker holds the lease; poll skipped")]
    public static partial void LeaseHeldElsewhere(ILogger logger, string mailbox);

    [LoggerMessage(EventId = 1107, EventName = "LeaseLost", Level = LogLevel.Warning, Message = "{Mailbox}: the lease could not be renewed and was given up ({Reason}); the poll in progress is cancelled and rolled back")]
    public static partial void LeaseLost(ILogger logger, string mailbox, string reason);

    [LoggerMessage(EventId = 1108, EventName = "LeaseRenewFailed", Level = LogLevel.Warning, Message = "{Mailbox}: renewing the lease failed; trying again until it expires at {ExpiresAt:u}")]
    public static partial void LeaseRenewFailed(ILogger logger, Exception exception, string mailbox, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 1109, EventName = "LeaseReleaseFailed", Level = LogLevel.Warning, Message = "{Mailbox}: the lease could not be released; another worker takes it when it expires")]
    public static partial void LeaseReleaseFailed(ILogger logger, Exception exception, string mailbox);

    [LoggerMessage(EventId = 1110, EventName = "PollBackingOff", Level = LogLevel.Debug, Message = "{Mailbox}: waiting until {NotBefore:u} after {Failures} failed polls")]
    public static partial void BackingOff(ILogger logger, string mailbox, DateTimeOffset notBefore, int failures);

    [LoggerMessage(EventId = 1111, EventName = "UnknownJobTarget", Level = LogLevel.Warning, Message = "{Job}: no such mailbox or sweep in this worker's configuration; skipped")]
    public static partial void UnknownTarget(ILogger logger, string job);

    [LoggerMessage(EventId = 1112, EventName = "MailboxSkippedOnce", Level = LogLevel.Warning, Message = "{Mailbox}: another worker ({Owner}) is polling it; skipped")]
    public static partial void SkippedHeld(ILogger logger, string mailbox, string owner);

    [LoggerMessage(EventId = 1113, EventName = "JobDone", Level = LogLevel.Debug, Message = "{Job}: {Result} done")]
    public static partial void Done(ILogger logger, string job, int result);

    [LoggerMessage(EventId = 1116, EventName = "LeaseOfDeadWorkerFreed", Level = LogLevel.Information, Message = "{Mailbox}: the lease holder {Owner} no longer runs on this machine; its lease is freed")]
    public static partial void LeaseOfDeadWorkerFreed(ILogger logger, string mailbox, string owner);

    [LoggerMessage(EventId = 1115, EventName = "JobRunsUnreadable", Level = LogLevel.Warning, Message = "The job runs could not be read; every cron job runs once now")]
    public static partial void RunsUnreadable(ILogger logger, Exception exception);
}
