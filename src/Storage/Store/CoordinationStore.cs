using MailTicketing.Storage.Dialects;
using MailTicketing.Storage.Repositories;
using MailTicketing.Tickets.Ports;

namespace MailTicketing.Storage.Store;

/// <summary>The coordination store over any dialect: each call one short unit of work on a pooled connection.</summary>
internal sealed class CoordinationStore(ISqlDialect dialect) : ICoordinationStore
{
    public Task<bool> TryAcquireLeaseAsync(string mailbox, string owner, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailbox);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        return WriteAsync(sql => new CoordinationRepository(sql).TryAcquireLeaseAsync(mailbox, owner, now, duration), cancellationToken);
    }

    public Task<bool> ReleaseLeaseAsync(string mailbox, string owner, CancellationToken cancellationToken) =>
        WriteAsync(sql => new CoordinationRepository(sql).ReleaseLeaseAsync(mailbox, owner), cancellationToken);

    public Task<IReadOnlyList<MailboxLease>> ListLeasesAsync(CancellationToken cancellationToken) =>
        ReadAsync(sql => new CoordinationRepository(sql).ListLeasesAsync(), cancellationToken);

    public Task RecordJobRunAsync(JobRun run, CancellationToken cancellationToken) =>
        WriteAsync(
            async sql =>
            {
                await new CoordinationRepository(sql).RecordJobRunAsync(run);
                return true;
            },
            cancellationToken);

    public Task<IReadOnlyList<JobRunState>> ListJobRunsAsync(CancellationToken cancellationToken) =>
        ReadAsync(sql => new CoordinationRepository(sql).ListJobRunsAsync(), cancellationToken);

    public Task<OutboxBacklog> GetOutboxBacklogAsync(DateTimeOffset failedSince, CancellationToken cancellationToken) =>
        ReadAsync(sql => new CoordinationRepository(sql).GetOutboxBacklogAsync(failedSince), cancellationToken);

    private async Task<T> ReadAsync<T>(Func<SqlContext, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await work(new SqlContext(connection, null, cancellationToken));
    }

    private async Task<T> WriteAsync<T>(Func<SqlContext, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
        var result = await work(new SqlContext(connection, transaction, cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
