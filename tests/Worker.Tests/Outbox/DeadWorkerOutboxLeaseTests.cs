using System.Diagnostics;
using System.Globalization;
using MailTicketing.Worker.Scheduling;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Worker.Tests.Outbox;

/// <summary>
/// Found by the crash test (tests/Crash.Tests): a worker SIGKILLed in the middle of an outbox
/// pass left up to 100 rows leased to itself for 5 minutes, and its restarted successor on the
/// same machine sent those acknowledgements only when the lease ran out.
/// </summary>
public sealed class DeadWorkerOutboxLeaseTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Rows_leased_by_a_killed_worker_of_this_machine_are_delivered_by_the_next_pass_at_once()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());
        var dead = await DeadPidAsync();
        Assert.Single(await h.Services.Store.LeaseDueOutboxAsync(Owner(dead), h.Clock.GetUtcNow(), TimeSpan.FromMinutes(5), 100, None));

        Assert.Equal(1, await h.Services.Sender.DeliverDueAsync(None));
        Assert.Empty(await h.PendingOutboxAsync());
    }

    [Fact]
    public async Task Rows_leased_by_a_running_process_or_by_another_machine_wait_for_their_lease()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());
        await h.NewTicketAsync(new TestMail { From = "bob@example.com", Subject = "Deposit missing", Body = "My deposit of yesterday never arrived, order WD2024000777." });
        using var alive = Process.Start("sleep", "60");
        try
        {
            var now = h.Clock.GetUtcNow();
            Assert.Single(await h.Services.Store.LeaseDueOutboxAsync(Owner(alive.Id), now, TimeSpan.FromMinutes(5), 1, None));
            Assert.Single(await h.Services.Store.LeaseDueOutboxAsync($"elsewhere.example:{await DeadPidAsync()}:00000000:1", now, TimeSpan.FromMinutes(5), 1, None));

            Assert.Equal(0, await h.Services.Sender.DeliverDueAsync(None));
            Assert.Equal(2, (await h.PendingOutboxAsync()).Count);
        }
        finally
        {
            alive.Kill();
        }
    }

    [Theory]
    [InlineData("not-an-owner")]
    [InlineData("host:notanumber:abcd:1")]
    public void An_owner_that_does_not_read_as_host_pid_random_part_and_namespace_is_never_called_dead(string owner) =>
        Assert.False(WorkerIdentity.IsDeadOnThisMachine(owner));

    [Fact]
    public async Task A_dead_pid_of_another_pid_namespace_under_the_same_host_name_is_not_called_dead()
    {
        // Containers may share a host name; a pid of another namespace says nothing about ours.
        var parts = Owner(await DeadPidAsync()).Split(':');
        parts[3] = parts[3] == "1" ? "2" : "1";

        Assert.True(WorkerIdentity.IsDeadOnThisMachine(Owner(await DeadPidAsync())));
        Assert.False(WorkerIdentity.IsDeadOnThisMachine(string.Join(':', parts)));
    }

    /// <summary>This machine's form of an owner, with <paramref name="pid"/> in it.</summary>
    private static string Owner(int pid)
    {
        var parts = WorkerIdentity.Current.Owner.Split(':');
        parts[1] = pid.ToString(CultureInfo.InvariantCulture);
        parts[2] = "deadbeef";
        return string.Join(':', parts);
    }

    /// <summary>The pid of a process that ran and has exited (and was reaped): no process has it now.</summary>
    private static async Task<int> DeadPidAsync()
    {
        using var process = Process.Start("true")!;
        await process.WaitForExitAsync();
        return process.Id;
    }
}
