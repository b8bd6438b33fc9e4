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
            Assert.Single(await h.Services.Store.LeaseDueOutboxAsync($"elsewhere.example:{await DeadPidAsync()}:00000000", now, TimeSpan.FromMinutes(5), 1, None));

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
    [InlineData("host:notanumber:abcd")]
    public void An_owner_that_does_not_read_as_host_pid_and_random_part_is_never_called_dead(string owner) =>
        Assert.False(WorkerIdentity.IsDeadOnThisMachine(owner));

    private static string Owner(int pid) => string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{pid}:deadbeef");

    /// <summary>The pid of a process that ran and has exited (and was reaped): no process has it now.</summary>
    private static async Task<int> DeadPidAsync()
    {
        using var process = Process.Start("true")!;
        await process.WaitForExitAsync();
        return process.Id;
    }
}
