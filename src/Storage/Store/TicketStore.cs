using System.Runtime.CompilerServices;
using MailTicketing.Storage.Blobs;
using MailTicketing.Storage.Dialects;
using MailTicketing.Storage.Repositories;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Ports;

namespace MailTicketing.Storage.Store;

/// <summary>
/// The ticket store over any dialect. Each call opens a (pooled) connection for its own short
/// unit of work; <see cref="BeginAsync"/> hands one to the session for the session's lifetime.
/// </summary>
internal sealed class TicketStore(ISqlDialect dialect, TimeProvider clock) : ITicketStore, IScheduleStore
{
    // Export reads this many tickets, then their children in one query per kind.
    private const int ExportBatch = 200;

    public async Task<ITicketSession> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await dialect.OpenAsync(cancellationToken);
        try
        {
            var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
            return new TicketSession(new SqlContext(connection, transaction, cancellationToken), dialect, clock);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task<IReadOnlyList<TicketRecord>> ListTicketsAsync(TicketQuery query, CancellationToken cancellationToken) =>
        ReadAsync(
            async sql => (IReadOnlyList<TicketRecord>)[.. (await new TicketRepository(sql).ListAsync(query)).Select(row => row.ToRecord())],
            snapshot: false,
            cancellationToken);

    public Task<TicketDetails?> GetTicketAsync(TicketNumber number, CancellationToken cancellationToken) =>
        ReadAsync(
            async sql =>
            {
                var row = await new TicketRepository(sql).FindByNumberAsync(number);
                return row is null ? null : (await TicketDetailsReader.ReadAsync(sql, [row]))[0];
            },
            snapshot: true,
            cancellationToken);

    public async IAsyncEnumerable<TicketDetails> ExportAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One snapshot for the whole export, so it is consistent while ingestion goes on (in WAL
        // mode a reader does not block the writer). Tickets come a batch at a time, never all at once.
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginReadAsync(connection, cancellationToken);
        var sql = new SqlContext(connection, transaction, cancellationToken);
        var tickets = new TicketRepository(sql);
        var (prefix, sequence) = (string.Empty, 0L);
        while (true)
        {
            var batch = await tickets.PageInNumberOrderAsync(prefix, sequence, ExportBatch);
            if (batch.Count == 0)
            {
                yield break;
            }

            foreach (var details in await TicketDetailsReader.ReadAsync(sql, batch))
            {
                yield return details;
            }

            (prefix, sequence) = (batch[^1].Prefix, batch[^1].Sequence);
        }
    }

    public Task<bool> SetStatusAsync(TicketNumber number, TicketStatus status, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(
            async sql =>
            {
                var tickets = new TicketRepository(sql);
                var row = await tickets.FindByNumberAsync(number);
                if (row is null)
                {
                    return false;
                }

                var ticket = row.ToRecord();
                await tickets.UpdateAsync(ticket.Id, status, ticket.Flags, at);
                var links = new TicketLinkRepository(sql);
                await links.AddEventAsync(ticket.Id, at, TicketEventKinds.StatusChanged, $"{ticket.Status} -> {status} by {actor}");
                // Waiting on the customer means staff asked them something: that is a response.
                if (status == TicketStatus.WaitingOnCustomer && await tickets.RecordFirstResponseAsync(ticket.Id, at))
                {
                    await links.AddEventAsync(ticket.Id, at, TicketEventKinds.FirstResponse, $"{actor} set the ticket waiting on the customer");
                }
                return true;
            },
            cancellationToken);

    public PreparedBlob PrepareBlob(string sha256, byte[] content, bool compress) => BlobCodec.Prepare(sha256, content, compress);

    public PreparedBlob PrepareBlob(byte[] content, bool compress) => BlobCodec.Prepare(content, compress);

    public Task<Stream?> OpenBlobAsync(string sha256, CancellationToken cancellationToken) =>
        BlobRepository.OpenAsync(dialect, sha256, cancellationToken);

    public Task<IReadOnlyList<QuarantineEntry>> ListQuarantineAsync(bool includeReplayed, CancellationToken cancellationToken) =>
        ReadAsync(sql => new QuarantineRepository(sql).ListAsync(includeReplayed), snapshot: false, cancellationToken);

    public Task<QuarantineEntry?> GetQuarantineAsync(long id, CancellationToken cancellationToken) =>
        ReadAsync(sql => new QuarantineRepository(sql).GetAsync(id), snapshot: false, cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> GetDueOutboxAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        ReadAsync(sql => new OutboxRepository(sql).DueAsync(now, limit), snapshot: false, cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> LeaseDueOutboxAsync(string owner, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken) =>
        WriteAsync(sql => new OutboxRepository(sql).LeaseDueAsync(owner, now, now + lease, limit), cancellationToken);

    public async Task<int> ReleaseDeadOutboxLeasesAsync(Func<string, bool> isDead, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Read first: every outbox pass asks, and only after a crash is there anything to free,
        // so the write lock is taken only then.
        var dead = (await ReadAsync(sql => new OutboxRepository(sql).LiveLeaseOwnersAsync(now), snapshot: false, cancellationToken)).Where(isDead).ToList();
        if (dead.Count == 0)
        {
            return 0;
        }

        return await WriteAsync(
            async sql =>
            {
                var released = 0;
                foreach (var owner in dead)
                {
                    released += await new OutboxRepository(sql).ReleaseLeasesAsync(owner);
                }

                return released;
            },
            cancellationToken);
    }

    public Task MarkOutboxSentAsync(long outboxId, DateTimeOffset at, string detail, CancellationToken cancellationToken) =>
        WriteAsync(
            async sql =>
            {
                var (ticketId, recipient) = await new OutboxRepository(sql)
                    .RecordAttemptAsync(outboxId, at, OutboxState.Sent, "Sent", detail, nextAttemptAt: null);
                await new TicketLinkRepository(sql).AddEventAsync(ticketId, at, TicketEventKinds.OutboxSent, $"to {recipient}: {detail}");
                return true;
            },
            cancellationToken);

    public Task MarkOutboxAttemptFailedAsync(
        long outboxId, DateTimeOffset at, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        WriteAsync(
            async sql =>
            {
                var (state, result, kind) = retryAt is null
                    ? (OutboxState.Failed, "Failed", TicketEventKinds.OutboxFailed)
                    : (OutboxState.Pending, "Retry", TicketEventKinds.OutboxRetry);
                var (ticketId, recipient) = await new OutboxRepository(sql).RecordAttemptAsync(outboxId, at, state, result, error, retryAt);
                var detail = retryAt is { } next ? $"to {recipient}: {error}; retry at {next.UtcDateTime:O}" : $"to {recipient}: {error}";
                await new TicketLinkRepository(sql).AddEventAsync(ticketId, at, kind, detail);
                return true;
            },
            cancellationToken);

    public Task<ImapCheckpoint?> GetImapCheckpointAsync(string source, CancellationToken cancellationToken) =>
        ReadAsync(sql => new ImapCheckpointRepository(sql).GetAsync(source), snapshot: false, cancellationToken);

    public Task<IReadOnlyList<ScheduledTicket>> ListOpenTicketsAsync(long afterTicketId, int limit, CancellationToken cancellationToken) =>
        ReadAsync(sql => new ScheduleRepository(sql).ListOpenAsync(afterTicketId, limit), snapshot: true, cancellationToken);

    public Task<IReadOnlyList<ScheduledTicket>> GetTicketsAsync(IReadOnlyCollection<long> ticketIds, CancellationToken cancellationToken) =>
        ReadAsync(sql => new ScheduleRepository(sql).GetAsync(ticketIds), snapshot: true, cancellationToken);

    public Task<ClaimOutcome> ClaimAsync(ScheduledClaim claim, CancellationToken cancellationToken) =>
        WriteOrRollBackAsync(sql => ScheduledClaimWriter.WriteAsync(sql, claim), outcome => outcome == ClaimOutcome.Claimed, cancellationToken);

    private async Task<T> ReadAsync<T>(Func<SqlContext, Task<T>> work, bool snapshot, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        if (!snapshot)
        {
            return await work(new SqlContext(connection, null, cancellationToken));
        }

        await using var transaction = await dialect.BeginReadAsync(connection, cancellationToken);
        return await work(new SqlContext(connection, transaction, cancellationToken));
    }

    /// <summary>Commits only when <paramref name="commit"/> approves the result; otherwise everything is rolled back.</summary>
    private async Task<T> WriteOrRollBackAsync<T>(Func<SqlContext, Task<T>> work, Func<T, bool> commit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
        var result = await work(new SqlContext(connection, transaction, cancellationToken));
        if (commit(result))
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }

    private Task<T> WriteAsync<T>(Func<SqlContext, Task<T>> work, CancellationToken cancellationToken) =>
        WriteOrRollBackAsync(work, _ => true, cancellationToken);
}
