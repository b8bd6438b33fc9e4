using System.Globalization;
using MailTicketing.Tickets.Ports;
using MailTicketing.Worker.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MailTicketing.Worker.Scheduling;

/// <summary>
/// The one place the worker's health verdict is decided, for `status` and the health check alike.
/// Unhealthy: a mailbox or the outbox job without a successful run for
/// <see cref="StalePeriods"/> times its period (or never), a sweep that has failed that long,
/// an unsent message older than <see cref="WorkerOptions.OutboxMaxAge"/>. Degraded: a job whose
/// last run failed (not yet for long), mail being retried or failed for good in the last day,
/// tickets past their SLA target.
/// </summary>
internal static class StatusEvaluator
{
    /// <summary>A job is stale after this many of its periods without a success.</summary>
    public const int StalePeriods = 3;

    /// <summary>Mail failed for good within this window is reported.</summary>
    public static readonly TimeSpan FailedWindow = TimeSpan.FromDays(1);

    public static StatusReport Evaluate(
        WorkerOptions options, IReadOnlyList<JobRunState> runs, IReadOnlyList<MailboxLease> leases, OutboxBacklog outbox, int? slaBreaches, DateTimeOffset now)
    {
        var problems = new List<string>();
        var warnings = new List<string>();
        var byJob = runs.ToDictionary(r => r.Job, StringComparer.OrdinalIgnoreCase);
        var jobs = new List<StatusReport.Job>();

        var mailboxes = new List<StatusReport.Mailbox>();
        foreach (var mailbox in options.Mailboxes.Where(m => m.Imap is not null || m.Maildir is not null))
        {
            var name = JobSchedules.MailboxJob(mailbox.Name);
            var run = byJob.GetValueOrDefault(name);
            var period = MailboxPolling.ExpectedPeriod(options, mailbox, now);
            var lease = leases.FirstOrDefault(l => string.Equals(l.Mailbox, mailbox.Name, StringComparison.OrdinalIgnoreCase));
            mailboxes.Add(new StatusReport.Mailbox(mailbox.Name, mailbox.Imap is null ? "maildir" : "imap", name, run?.LastSucceededAt, run?.Backlog, lease, period));
            jobs.Add(new StatusReport.Job(name, run, period));
            Judge($"mailbox {mailbox.Name}", "polled", run, period, now, problems, warnings);
        }

        var outboxPeriod = JobSchedules.For(options, JobSchedules.Outbox).Period(now);
        var outboxRun = byJob.GetValueOrDefault(JobSchedules.Outbox);
        jobs.Add(new StatusReport.Job(JobSchedules.Outbox, outboxRun, outboxPeriod));
        Judge("the outbox", "delivered", outboxRun, outboxPeriod, now, problems, warnings);

        // Sweeps are known by their records: `status` runs without the worker's services.
        foreach (var run in runs.Where(r => !IsMailboxJob(r.Job) && !string.Equals(r.Job, JobSchedules.Outbox, StringComparison.OrdinalIgnoreCase)))
        {
            var period = JobSchedules.For(options, run.Job).Period(now);
            jobs.Add(new StatusReport.Job(run.Job, run, period));
            Judge($"the {run.Job} job", "run", run, period, now, problems, warnings);
        }

        var age = outbox.OldestPendingAt is { } oldest ? now - oldest : (TimeSpan?)null;
        if (age > options.OutboxMaxAge)
        {
            problems.Add($"the oldest unsent message has waited {Describe(age.Value)} (more than OutboxMaxAge, {Describe(options.OutboxMaxAge)}).");
        }

        if (outbox.Retrying > 0)
        {
            warnings.Add($"{N(outbox.Retrying)} outbox messages failed an attempt and wait for a retry.");
        }

        if (outbox.Failed > 0)
        {
            warnings.Add($"{N(outbox.Failed)} outbox messages queued in the last {Describe(FailedWindow)} failed for good (see their tickets).");
        }

        if (slaBreaches > 0)
        {
            warnings.Add($"{N(slaBreaches.Value)} open tickets are past their SLA target.");
        }

        var verdict = problems.Count > 0 ? HealthStatus.Unhealthy : warnings.Count > 0 ? HealthStatus.Degraded : HealthStatus.Healthy;
        return new StatusReport(now, verdict, mailboxes, new StatusReport.OutboxState(outbox, age, options.OutboxMaxAge), jobs, slaBreaches, problems, warnings);
    }

    /// <summary>A span as people say it: "45 s", "12 min", "3 h 5 min", "2 d 4 h".</summary>
    public static string Describe(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            return "-" + Describe(-span);
        }

        return span switch
        {
            { TotalSeconds: < 90 } => $"{N((int)span.TotalSeconds)} s",
            { TotalMinutes: < 60 } => $"{N((int)span.TotalMinutes)} min",
            { TotalHours: < 48 } => span.Minutes == 0 ? $"{N((int)span.TotalHours)} h" : $"{N((int)span.TotalHours)} h {N(span.Minutes)} min",
            _ => span.Hours == 0 ? $"{N((int)span.TotalDays)} d" : $"{N((int)span.TotalDays)} d {N(span.Hours)} h",
        };
    }

    private static void Judge(string what, string verb, JobRunState? run, TimeSpan period, DateTimeOffset now, List<string> problems, List<string> warnings)
    {
        var limit = period * StalePeriods;
        if (run?.LastSucceededAt is not { } succeeded)
        {
            problems.Add(run is null
                ? $"{what} has never been {verb}."
                : $"{what} has never been {verb} successfully; last error: {run.LastError}");
            return;
        }

        if (now - succeeded > limit)
        {
            problems.Add($"{what} was last {verb} successfully {Describe(now - succeeded)} ago (more than {StalePeriods} × {Describe(period)})"
                + (run.Failing ? $"; last error: {run.LastError}" : "."));
            return;
        }

        if (run.Failing)
        {
            warnings.Add($"{what}: the last {N((int)run.ConsecutiveFailures)} runs failed; last error: {run.LastError}");
        }
    }

    private static bool IsMailboxJob(string job) => job.StartsWith(JobSchedules.MailboxPoll + "/", StringComparison.OrdinalIgnoreCase);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
