using MailTicketing.Storage.Tests.Support;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Ports;

namespace MailTicketing.Storage.Tests.Contract;

/// <summary>Mailbox leases, job runs and the outbox figures of `status`, as every engine must keep them.</summary>
public abstract class CoordinationContract<TProvider> : StoreContract<TProvider>
    where TProvider : IStoreProvider, new()
{
    private const string WorkerA = "host-a:100:aaaa";
    private const string WorkerB = "host-b:200:bbbb";
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private ICoordinationStore Coordination => Database.CreateCoordinationStore();

    [Fact]
    public async Task A_free_lease_is_taken_and_listed_with_its_holder_and_expiry()
    {
        Assert.True(await Coordination.TryAcquireLeaseAsync("support", WorkerA, Samples.T0, Minute, Ct));

        var lease = Assert.Single(await Coordination.ListLeasesAsync(Ct));
        Assert.Equal(new MailboxLease("support", WorkerA, Samples.T0, Samples.T0 + Minute), lease);
    }

    [Fact]
    public async Task A_second_owner_cannot_take_a_live_lease()
    {
        await Coordination.TryAcquireLeaseAsync("support", WorkerA, Samples.T0, Minute, Ct);

        var taken = await Coordination.TryAcquireLeaseAsync("support", WorkerB, Samples.T0.AddSeconds(59), Minute, Ct);

        Assert.False(taken);
        Assert.Equal(WorkerA, Assert.Single(await Coordination.ListLeasesAsync(Ct)).Owner);
        Assert.Equal(Samples.T0 + Minute, Assert.Single(await Coordination.ListLeasesAsync(Ct)).ExpiresAt);
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_by_another_owner()
    {
        await Coordination.TryAcquireLeaseAsync("support", WorkerA, Samples.T0, Minute, Ct);
        var later = Samples.T0 + Minute;

        var taken = await Coordination.TryAcquireLeaseAsync("support", WorkerB, later, Minute, Ct);

        Assert.True(taken);
        Assert.Equal(new MailboxLease("support", WorkerB, later, later + Minute), Assert.Single(await Coordination.ListLeasesAsync(Ct)));
        Assert.False(await Coordination.TryAcquireLeaseAsync("support", WorkerA, later.AddSeconds(1), Minute, Ct));
    }

    [Fact]
    public async Task Renewing_extends_the_lease_and_keeps_when_it_was_taken()
    {
        await Coordination.TryAcquireLeaseAsync("support", WorkerA, Samples.T0, Minute, Ct);

        Assert.True(await Coordination.TryAcquireLeaseAsync("support", WorkerA, Samples.T0.AddSeconds(20), Minute, Ct));

        var lease = Assert.Single(await Coordination.ListLeasesAsync(Ct));
        Assert.Equal((Samples.T0, Samples.T0.AddSeconds(80)), (lease.AcquiredAt, lease.ExpiresAt));
        Assert.False(await Coordination.TryAcquireLeaseAsync("support", WorkerB, Samples.T0.AddSeconds(70), Minute, Ct));
    }

    [Fact]
    public async Task Leases_of_different_mailboxes_are_independent()
    {
        Assert.True(await Coordination.TryAcquireLeaseAsync("support", WorkerA, Samples.T0, Minute, Ct));
        Assert.True(await Coordination.TryAcquireLeaseAsync("security", WorkerB, Samples.T0, Minute, Ct));

        Assert.Equal([("security", WorkerB), ("support", WorkerA)], (await Coordination.ListLeasesAsync(Ct)).Select(l => (l.Mailbox, l.Owner)));
    }

    [Fact]
    public async Task Only_the_holder_releases_a_lease_and_then_another_owner_takes_it_at_once()
    {
        await Coordination.TryAcquireLeaseAsync("support", WorkerA, Samples.T0, Minute, Ct);

        Assert.False(await Coordination.ReleaseLeaseAsync("support", WorkerB, Ct));
        Assert.Single(await Coordination.ListLeasesAsync(Ct));
        Assert.True(await Coordination.ReleaseLeaseAsync("support", WorkerA, Ct));

        Assert.Empty(await Coordination.ListLeasesAsync(Ct));
        Assert.True(await Coordination.TryAcquireLeaseAsync("support", WorkerB, Samples.T0.AddSeconds(1), Minute, Ct));
    }

    [Fact]
    public async Task Of_workers_racing_for_a_free_lease_exactly_one_wins()
    {
        const int Workers = 6;
        var stores = Enumerable.Range(0, Workers).Select(_ => Provider.OpenAgain(Database, Clock).CreateCoordinationStore()).ToList();

        var won = await Task.WhenAll(stores.Select((store, i) =>
            Task.Run(() => store.TryAcquireLeaseAsync("support", $"worker-{i}", Samples.T0, Minute, Ct))));

        Assert.Equal(1, won.Count(w => w));
        var winner = Array.IndexOf(won, true);
        Assert.Equal($"worker-{winner}", Assert.Single(await Coordination.ListLeasesAsync(Ct)).Owner);
    }

    [Fact]
    public async Task A_job_run_is_recorded_with_its_result_and_backlog()
    {
        await Coordination.RecordJobRunAsync(new JobRun("MailboxPoll/support", WorkerA, Samples.T0, Samples.T0.AddSeconds(2), null, 7, 3), Ct);

        var run = Assert.Single(await Coordination.ListJobRunsAsync(Ct));
        Assert.Equal(
            new JobRunState("MailboxPoll/support", Samples.T0, Samples.T0.AddSeconds(2), Samples.T0.AddSeconds(2), null, null, 7, 3, 1, 0, 0, WorkerA),
            run);
        Assert.False(run.Failing);
    }

    [Fact]
    public async Task A_failure_keeps_the_last_success_and_a_later_success_keeps_the_last_error()
    {
        var t1 = Samples.T0.AddMinutes(1);
        var t2 = Samples.T0.AddMinutes(2);
        var t3 = Samples.T0.AddMinutes(3);
        await Coordination.RecordJobRunAsync(new JobRun("Outbox", WorkerA, Samples.T0, Samples.T0, null, 2, null), Ct);
        await Coordination.RecordJobRunAsync(new JobRun("Outbox", WorkerB, t1, t1, "SmtpException: 421 try later", null, null), Ct);
        await Coordination.RecordJobRunAsync(new JobRun("Outbox", WorkerB, t2, t2, "SmtpException: 421 still", null, null), Ct);

        var failing = Assert.Single(await Coordination.ListJobRunsAsync(Ct));
        Assert.Equal((Samples.T0, t2, "SmtpException: 421 still", 3L, 2L, 2L, WorkerB),
            (failing.LastSucceededAt, failing.LastFailedAt, failing.LastError, failing.Runs, failing.Failures, failing.ConsecutiveFailures, failing.LastOwner));
        Assert.True(failing.Failing);

        await Coordination.RecordJobRunAsync(new JobRun("Outbox", WorkerA, t3, t3, null, 0, null), Ct);

        var recovered = Assert.Single(await Coordination.ListJobRunsAsync(Ct));
        Assert.Equal((t3, t2, "SmtpException: 421 still", 4L, 2L, 0L, (int?)0),
            (recovered.LastSucceededAt, recovered.LastFailedAt, recovered.LastError, recovered.Runs, recovered.Failures, recovered.ConsecutiveFailures, recovered.LastResult));
        Assert.False(recovered.Failing);
    }

    [Fact]
    public async Task Job_runs_are_listed_by_name()
    {
        foreach (var job in (string[])["Sla", "MailboxPoll/support", "Outbox"])
        {
            await Coordination.RecordJobRunAsync(new JobRun(job, WorkerA, Samples.T0, Samples.T0, null, null, null), Ct);
        }

        Assert.Equal(["MailboxPoll/support", "Outbox", "Sla"], (await Coordination.ListJobRunsAsync(Ct)).Select(r => r.Job));
    }

    [Fact]
    public async Task The_outbox_backlog_counts_unsent_mail_its_oldest_the_retried_and_the_recently_failed()
    {
        Assert.Equal(new OutboxBacklog(0, null, 0, 0), await Coordination.GetOutboxBacklogAsync(Samples.T0, Ct));

        var retried = await EnqueueAsync(Samples.T0.AddMinutes(1), "<a@x>");
        await EnqueueAsync(Samples.T0.AddMinutes(2), "<b@x>");
        var failedOld = await EnqueueAsync(Samples.T0.AddMinutes(-90), "<c@x>");
        var failedNew = await EnqueueAsync(Samples.T0.AddMinutes(3), "<d@x>");
        var sent = await EnqueueAsync(Samples.T0, "<e@x>");
        await Store.MarkOutboxAttemptFailedAsync(retried, Samples.T0.AddMinutes(5), "421", Samples.T0.AddMinutes(10), Ct);
        await Store.MarkOutboxAttemptFailedAsync(failedOld, Samples.T0.AddMinutes(5), "550", null, Ct);
        await Store.MarkOutboxAttemptFailedAsync(failedNew, Samples.T0.AddMinutes(5), "550", null, Ct);
        await Store.MarkOutboxSentAsync(sent, Samples.T0.AddMinutes(5), "250", Ct);

        var backlog = await Coordination.GetOutboxBacklogAsync(Samples.T0.AddHours(-1), Ct);

        Assert.Equal(new OutboxBacklog(2, Samples.T0.AddMinutes(1), 1, 1), backlog);
    }

    private async Task<long> EnqueueAsync(DateTimeOffset at, string messageId)
    {
        var (ticketId, _) = await CreateTicketAsync();
        var ack = await AddMessageAsync(Samples.Message(ticketId, messageId, MessageDirection.Outbound, "support@exchange.example", kind: MessageKind.Acknowledgement));
        return await InSessionAsync(session => session.EnqueueOutboxAsync(Samples.Outbox(ticketId, ack, at: at, messageId: messageId)));
    }
}
