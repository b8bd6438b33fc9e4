using Dapper;
using MailTicketing.Storage.Dialects;
using MailTicketing.Tickets.Ports;

namespace MailTicketing.Storage.Repositories;

/// <summary>Mailbox leases and job runs (migration 0006), and the outbox figures `status` shows.</summary>
internal sealed class CoordinationRepository(SqlContext sql)
{
    public async Task<bool> TryAcquireLeaseAsync(string mailbox, string owner, DateTimeOffset now, TimeSpan duration)
    {
        // The conflict branch updates only a row this owner holds or one that has expired; for
        // a live lease of someone else it does nothing and RETURNING gives no row. Qualified
        // names: in DO UPDATE both SQLite and PostgreSQL read the table name as the existing row.
        const string upsert = """
            INSERT INTO mailbox_leases (mailbox, owner, acquired_at, expires_at)
            VALUES (@Mailbox, @Owner, @Now, @ExpiresAt)
            ON CONFLICT (mailbox) DO UPDATE SET
                acquired_at = CASE WHEN mailbox_leases.owner = excluded.owner THEN mailbox_leases.acquired_at ELSE excluded.acquired_at END,
                owner = excluded.owner,
                expires_at = excluded.expires_at
            WHERE mailbox_leases.owner = excluded.owner OR mailbox_leases.expires_at <= excluded.acquired_at
            RETURNING owner
            """;
        var holder = await sql.Connection.QuerySingleOrDefaultAsync<string?>(sql.Command(upsert, new
        {
            Mailbox = mailbox,
            Owner = owner,
            Now = UnixTime.ToMs(now),
            ExpiresAt = UnixTime.ToMs(now + duration),
        }));
        return holder == owner;
    }

    public async Task<bool> ReleaseLeaseAsync(string mailbox, string owner)
    {
        const string delete = "DELETE FROM mailbox_leases WHERE mailbox = @Mailbox AND owner = @Owner";
        return await sql.Connection.ExecuteAsync(sql.Command(delete, new { Mailbox = mailbox, Owner = owner })) > 0;
    }

    public async Task<IReadOnlyList<MailboxLease>> ListLeasesAsync()
    {
        const string select = """
            SELECT mailbox AS Mailbox, owner AS Owner, acquired_at AS AcquiredAt, expires_at AS ExpiresAt
            FROM mailbox_leases ORDER BY mailbox
            """;
        var rows = await sql.Connection.QueryAsync<LeaseRow>(sql.Command(select));
        return [.. rows.Select(row => new MailboxLease(row.Mailbox, row.Owner, UnixTime.FromMs(row.AcquiredAt), UnixTime.FromMs(row.ExpiresAt)))];
    }

    public Task RecordJobRunAsync(JobRun run)
    {
        // The success and failure columns of the run that did not happen are NULL and keep the
        // stored value; the error of the latest failure stays visible after later successes.
        const string upsert = """
            INSERT INTO job_runs (job, last_started_at, last_finished_at, last_succeeded_at, last_failed_at, last_error,
                                  last_result, backlog, runs, failures, consecutive_failures, last_owner)
            VALUES (@Job, @StartedAt, @FinishedAt, @SucceededAt, @FailedAt, @Error, @Result, @Backlog, 1, @Failed, @Failed, @Owner)
            ON CONFLICT (job) DO UPDATE SET
                last_started_at = excluded.last_started_at,
                last_finished_at = excluded.last_finished_at,
                last_succeeded_at = COALESCE(excluded.last_succeeded_at, job_runs.last_succeeded_at),
                last_failed_at = COALESCE(excluded.last_failed_at, job_runs.last_failed_at),
                last_error = COALESCE(excluded.last_error, job_runs.last_error),
                last_result = excluded.last_result,
                backlog = excluded.backlog,
                runs = job_runs.runs + 1,
                failures = job_runs.failures + excluded.failures,
                consecutive_failures = CASE WHEN excluded.failures = 0 THEN 0 ELSE job_runs.consecutive_failures + 1 END,
                last_owner = excluded.last_owner
            """;
        var finished = UnixTime.ToMs(run.FinishedAt);
        return sql.Connection.ExecuteAsync(sql.Command(upsert, new
        {
            run.Job,
            StartedAt = UnixTime.ToMs(run.StartedAt),
            FinishedAt = finished,
            SucceededAt = run.Succeeded ? finished : (long?)null,
            FailedAt = run.Succeeded ? (long?)null : finished,
            run.Error,
            Result = (long?)run.Result,
            Backlog = (long?)run.Backlog,
            Failed = run.Succeeded ? 0L : 1L,
            run.Owner,
        }));
    }

    public async Task<IReadOnlyList<JobRunState>> ListJobRunsAsync()
    {
        const string select = """
            SELECT job AS Job, last_started_at AS LastStartedAt, last_finished_at AS LastFinishedAt, last_succeeded_at AS LastSucceededAt,
                   last_failed_at AS LastFailedAt, last_error AS LastError, last_result AS LastResult, backlog AS Backlog,
                   runs AS Runs, failures AS Failures, consecutive_failures AS ConsecutiveFailures, last_owner AS LastOwner
            FROM job_runs ORDER BY job
            """;
        var rows = await sql.Connection.QueryAsync<JobRunRow>(sql.Command(select));
        return [.. rows.Select(row => new JobRunState(
            row.Job,
            UnixTime.FromMs(row.LastStartedAt),
            UnixTime.FromMs(row.LastFinishedAt),
            UnixTime.FromMs(row.LastSucceededAt),
            UnixTime.FromMs(row.LastFailedAt),
            row.LastError,
            (int?)row.LastResult,
            (int?)row.Backlog,
            row.Runs,
            row.Failures,
            row.ConsecutiveFailures,
            row.LastOwner))];
    }

    public async Task<OutboxBacklog> GetOutboxBacklogAsync(DateTimeOffset failedSince)
    {
        // Pending rows come from the partial index ix_outbox_due; Failed rows are few.
        const string select = """
            SELECT COUNT(*) AS Pending, MIN(created_at) AS OldestPendingAt,
                   COALESCE(SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END), 0) AS Retrying,
                   (SELECT COUNT(*) FROM outbox WHERE state = 'Failed' AND created_at >= @FailedSince) AS Failed
            FROM outbox WHERE state = 'Pending'
            """;
        var row = await sql.Connection.QuerySingleAsync<OutboxRow>(sql.Command(select, new { FailedSince = UnixTime.ToMs(failedSince) }));
        return new OutboxBacklog((int)row.Pending, UnixTime.FromMs(row.OldestPendingAt), (int)row.Retrying, (int)row.Failed);
    }

    private sealed class LeaseRow
    {
        public string Mailbox { get; init; } = "";
        public string Owner { get; init; } = "";
        public long AcquiredAt { get; init; }
        public long ExpiresAt { get; init; }
    }

    private sealed class JobRunRow
    {
        public string Job { get; init; } = "";
        public long LastStartedAt { get; init; }
        public long LastFinishedAt { get; init; }
        public long? LastSucceededAt { get; init; }
        public long? LastFailedAt { get; init; }
        public string? LastError { get; init; }
        public long? LastResult { get; init; }
        public long? Backlog { get; init; }
        public long Runs { get; init; }
        public long Failures { get; init; }
        public long ConsecutiveFailures { get; init; }
        public string LastOwner { get; init; } = "";
    }

    private sealed class OutboxRow
    {
        public long Pending { get; init; }
        public long? OldestPendingAt { get; init; }
        public long Retrying { get; init; }
        public long Failed { get; init; }
    }
}
