using System.Diagnostics;
using System.Globalization;
using MailTicketing.Faults.Tests.Support;
using Xunit.Abstractions;

namespace MailTicketing.Faults.Tests;

/// <summary>
/// Dovecot killed (every process of the instance, SIGKILL) and started again while the worker
/// (`run`, a real process) is draining a folder: the poll fails, is recorded in job_runs and logged, backs off, reconnects and
/// resumes from its checkpoint; every message ends as exactly one ticket message.
/// </summary>
public sealed class DovecotRestartTests(ITestOutputHelper output)
{
    [FaultFact(NeedsRoot = true)]
    public async Task Dovecot_killed_and_restarted_mid_fetch_loses_and_duplicates_nothing_and_the_failed_poll_is_shown_then_cleared()
    {
        var messages = FaultReport.Full ? 3000 : 1000;
        var run = "restart-" + Guid.NewGuid().ToString("N")[..8];
        await using var dovecot = await PrivateDovecot.StartAsync();
        var folder = await dovecot.CreateFolderAsync("restart", Enumerable.Range(0, messages).Select(i => FaultMail.Customer(run, i, 8000)));
        // Through a gate the test pauses before the kill, so the worker is surely waiting on a
        // fetch when the server dies, however fast the machine drains the folder.
        await using var gate = new TcpGate(dovecot.ImapsPort);
        gate.Open();
        using var setup = new WorkerSetup(folder, gate.Port, caFile: dovecot.CaFile);
        await using var worker = WorkerProcess.Start(setup, "run");

        // Stop the server as soon as the first batch is committed: the worker is inside its drain.
        await EventuallyAsync(worker, "the first messages ingested", TimeSpan.FromSeconds(60), () => setup.Messages().Inbound > 0);
        gate.Pause();
        var beforeStop = setup.Messages().Inbound;
        var stopping = Stopwatch.StartNew();
        await dovecot.StopServerAsync(crash: true);
        // Closed, the gate refuses connections as the stopped server would.
        await gate.CloseAsync();
        gate.Resume();
        var atStop = setup.Messages().Inbound;
        output.WriteLine($"Dovecot stopped in {stopping.ElapsedMilliseconds} ms; ingested {beforeStop} before, {atStop} after");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var whileDown = setup.Messages().Inbound;
        output.WriteLine($"ingested while down: {whileDown}");

        // While it is down the operator sees the failed poll: status names the job and the error.
        await EventuallyAsync(worker, "the failed poll recorded", TimeSpan.FromSeconds(30), () => setup.Count("SELECT COUNT(*) FROM job_runs WHERE job = 'MailboxPoll/support' AND last_error IS NOT NULL AND failures > 0") > 0);
        var (_, down) = await setup.StatusAsync();
        var downJob = WorkerSetup.Job(down, "MailboxPoll/support");
        output.WriteLine($"status while Dovecot is down: {downJob.ToJsonString()}");
        Assert.True((bool)downJob["failing"]!);
        Assert.True((long)downJob["failures"]! >= 1);
        Assert.Matches("Socket|Connection|IOException|refused", (string)downJob["lastError"]!);

        await dovecot.StartServerAsync();
        gate.Open();
        var restarted = Stopwatch.StartNew();
        await EventuallyAsync(worker, "a message ingested after the restart", TimeSpan.FromSeconds(90), () => setup.Messages().Inbound > whileDown);
        var resumed = restarted.Elapsed;
        await EventuallyAsync(worker, "every message ingested", TimeSpan.FromSeconds(300), () => setup.Messages().Inbound >= messages);
        var done = restarted.Elapsed;
        await EventuallyAsync(worker, "a successful poll recorded", TimeSpan.FromSeconds(30), () => setup.Count("SELECT COUNT(*) FROM job_runs WHERE job = 'MailboxPoll/support' AND last_succeeded_at > last_failed_at") > 0);
        var (_, after) = await setup.StatusAsync();
        var afterJob = WorkerSetup.Job(after, "MailboxPoll/support");
        var stopped = await worker.StopAsync();
        Assert.True(stopped == 0, $"exit {stopped} after SIGTERM; log:\n{WorkerProcess.Tail(worker.Log, 40)}");
        output.WriteLine(string.Join('\n', worker.Log.Split('\n').Where(l => l.Contains("support", StringComparison.Ordinal) && !l.Contains("NewTicket", StringComparison.Ordinal)).Take(40)));

        var (inbound, distinct, quarantined) = setup.Messages();
        Assert.True(atStop < messages, $"Dovecot stopped after the drain ({atStop} of {messages} in)");
        Assert.Equal(messages, inbound);
        Assert.Equal(messages, distinct);
        Assert.Equal(0, quarantined);
        Assert.Equal(messages, setup.Count("SELECT COUNT(*) FROM source_items WHERE source LIKE 'imap:%'"));
        Assert.Equal(messages, setup.CheckpointUid());
        Assert.False((bool)afterJob["failing"]!);
        Assert.Contains("MailboxPoll/support failed; next attempt in", worker.Log, StringComparison.Ordinal);

        FaultReport.Figures(output, string.Create(CultureInfo.InvariantCulture,
            $"dovecot-restart: {messages} messages, stopped after {atStop} ingested, lost {messages - distinct}, duplicates {inbound - distinct}, " +
            $"failed polls {(long)afterJob["failures"]!}, resumed {resumed.TotalSeconds:F1} s after Dovecot was back, all ingested after {done.TotalSeconds:F1} s"));
    }

    internal static async Task EventuallyAsync(WorkerProcess worker, string what, TimeSpan limit, Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!WorkerSetup.ReadWhileRunning(condition, false))
        {
            if (clock.Elapsed > limit || worker.HasExited)
            {
                File.WriteAllText(Path.Combine(Path.GetTempPath(), "mt-fault-failed-worker.log"), worker.Log);
                Assert.Fail($"{what}: not within {limit}{(worker.HasExited ? " (the worker exited)" : "")}; worker log:\n{WorkerProcess.Tail(worker.Log, 30)}");
            }

            await Task.Delay(50);
        }
    }
}
