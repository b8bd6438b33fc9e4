using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MailTicketing.Faults.Tests.Support;
using MailTicketing.Imap.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace MailTicketing.Faults.Tests;

/// <summary>
/// The SQLite database locked by another writer for longer than the busy timeout, and its
/// disk full (a real, small tmpfs): `run --once` fails and says why, the batch rolls back, the
/// IMAP checkpoint does not move past mail that was not written; once the lock or the space is
/// free, the next run ingests every message, once.
/// </summary>
public sealed class DatabaseFaultTests(ITestOutputHelper output)
{
    private const int Before = 5;
    private const int During = 20;

    [FaultFact]
    public async Task A_database_locked_by_another_writer_fails_the_run_with_the_reason_and_the_mail_is_ingested_once_the_lock_is_gone()
    {
        var run = "locked-" + Guid.NewGuid().ToString("N")[..8];
        await using var folders = new Worker.Tests.Imap.DovecotFolders();
        var folder = await folders.CreateAsync("locked", [.. Enumerable.Range(0, Before).Select(i => FaultMail.Customer(run, i))]);
        using var setup = new WorkerSetup(folder, MailServer.ImapsPort);
        Assert.Equal(0, (await setup.RunOnceAsync()).Exit);
        await Worker.Tests.Imap.DovecotFolders.AppendAsync(folder, [.. Enumerable.Range(Before, During).Select(i => FaultMail.Customer(run, i))]);

        // Another process's writer (a backup tool, an operator's sqlite3 shell) holds the write lock.
        (int Exit, WorkerProcess Process) locked;
        string statusWhileLocked;
        var clock = Stopwatch.StartNew();
        using (var holder = new SqliteConnection($"Data Source={setup.DatabasePath};Pooling=False"))
        {
            holder.Open();
            using var begin = holder.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE; UPDATE job_runs SET runs = runs WHERE 0;";
            begin.ExecuteNonQuery();
            locked = await setup.RunOnceAsync();
            // `status` reads (WAL: readers never wait for the writer), so it works meanwhile.
            var status = await setup.StatusAsync();
            statusWhileLocked = status.Status.ToJsonString();
            Assert.Equal("support", (string?)status.Status["mailboxes"]![0]!["name"]);
            Assert.Equal((long)Before, setup.CheckpointUid());
            Assert.Equal(Before, setup.Messages().Inbound);
            using var rollback = holder.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }

        var failedAfter = clock.Elapsed;
        output.WriteLine($"run --once while locked: exit {locked.Exit}\n{locked.Process.Output}\n{WorkerProcess.Tail(locked.Process.Log, 15)}");
        output.WriteLine($"status while locked: {statusWhileLocked}");
        Assert.Equal(1, locked.Exit);
        Assert.Contains("The database could not be used: SQLite Error 5: 'database is locked'.", locked.Process.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", locked.Process.Log, StringComparison.Ordinal);

        var (exit, worker) = await setup.RunOnceAsync();
        Assert.True(exit == 0, worker.Log);
        var (inbound, distinct, quarantined) = setup.Messages();
        Assert.Equal(Before + During, inbound);
        Assert.Equal(Before + During, distinct);
        Assert.Equal(0, quarantined);
        Assert.Equal((long)(Before + During), setup.CheckpointUid());
        FaultReport.Figures(output, string.Create(CultureInfo.InvariantCulture,
            $"database-locked: run --once failed after {failedAfter.TotalSeconds:F1} s (busy timeout 5 s), exit {locked.Exit}, checkpoint held at UID {Before}; after the lock: {inbound - Before} of {During} ingested, lost {Before + During - distinct}, duplicates {inbound - distinct}"));
    }

    [FaultFact]
    public async Task A_lock_taken_while_a_running_worker_drains_fails_the_write_that_meets_it_and_every_message_is_ingested_once_after_it()
    {
        const int Messages = 3_000;
        var run = "midlock-" + Guid.NewGuid().ToString("N")[..8];
        await using var folders = new Worker.Tests.Imap.DovecotFolders();
        var folder = await folders.CreateAsync("midlock", [.. Enumerable.Range(0, Messages).Select(i => FaultMail.Customer(run, i))]);
        // IMAP through a gate the test can pause: a drain keeps SQLite's write lock nearly all
        // the time (one batch commits, the next begins), so another process's BEGIN only finds
        // a gap by luck; paused, the worker writes what it fetched and waits for the server.
        await using var gate = new TcpGate(MailServer.ImapsPort);
        gate.Open();
        using var setup = new WorkerSetup(folder, gate.Port);
        await using var worker = WorkerProcess.Start(setup, "run");
        await DovecotRestartTests.EventuallyAsync(worker, "the drain under way", TimeSpan.FromSeconds(60), () => setup.Messages().Inbound >= 200);

        long lockedAt;
        TimeSpan heldFor;
        gate.Pause();
        using (var holder = new SqliteConnection($"Data Source={setup.DatabasePath};Pooling=False;Default Timeout=1"))
        {
            holder.Open();
            TakeExclusiveLock(holder, TimeSpan.FromSeconds(30));
            lockedAt = setup.Messages().Inbound;
            gate.Resume();
            var held = Stopwatch.StartNew();
            await DovecotRestartTests.EventuallyAsync(worker, "a write refused while locked", TimeSpan.FromSeconds(30), () => worker.Log.Contains("database is locked", StringComparison.Ordinal));
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(lockedAt, setup.Messages().Inbound);
            using var rollback = holder.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
            heldFor = held.Elapsed;
        }

        Assert.True(lockedAt < Messages, $"the lock came after the drain ({lockedAt} of {Messages} in)");
        var released = Stopwatch.StartNew();
        await DovecotRestartTests.EventuallyAsync(worker, "every message ingested after the lock", TimeSpan.FromSeconds(180), () => setup.Messages().Inbound == Messages);
        var recovered = released.Elapsed;
        Assert.False(worker.HasExited, WorkerProcess.Tail(worker.Log, 30));
        await worker.StopAsync();
        var (inbound, distinct, quarantined) = setup.Messages();
        Assert.Equal((Messages, Messages, 0L), (inbound, distinct, quarantined));
        Assert.Equal((long)Messages, setup.CheckpointUid());
        // Which write meets the lock first varies (the outbox pass, a lease renewal, a batch,
        // which is then rolled back and taken again one message at a time); whichever it is,
        // nothing is lost or doubled and the worker carries on by itself.
        var refused = Regex.Count(worker.Log, "database is locked");
        var retried = Regex.Count(worker.Log, "failed and was rolled back; taking them one at a time");
        var failedPolls = Regex.Count(worker.Log, "MailboxPoll/support failed");
        FaultReport.Figures(output, string.Create(CultureInfo.InvariantCulture,
            $"database-locked-mid-drain: another process locked the database after {lockedAt} of {Messages} messages, for {heldFor.TotalSeconds:F1} s (busy timeout 5 s): {refused} writes refused, {retried} batches rolled back and retried one by one, {failedPolls} failed polls, the worker kept running; all ingested {recovered.TotalSeconds:F1} s after the lock, lost {Messages - distinct}, duplicates {inbound - distinct}"));
    }

    [FaultFact]
    public async Task An_operators_command_while_a_worker_drains_gets_in_between_two_batches()
    {
        const int Messages = 3_000;
        var run = "operator-" + Guid.NewGuid().ToString("N")[..8];
        await using var folders = new Worker.Tests.Imap.DovecotFolders();
        var folder = await folders.CreateAsync("operator", [.. Enumerable.Range(0, Messages).Select(i => FaultMail.Customer(run, i))]);
        using var setup = new WorkerSetup(folder, MailServer.ImapsPort);
        await using var worker = WorkerProcess.Start(setup, "run");
        await DovecotRestartTests.EventuallyAsync(worker, "the drain under way", TimeSpan.FromSeconds(60), () => setup.Messages().Inbound >= 200);

        // Three writes from other processes in a row, each while the worker commits batch after batch.
        var waits = new List<TimeSpan>();
        var during = new List<long>();
        foreach (var status in new[] { "InProgress", "WaitingOnCustomer", "Resolved" })
        {
            during.Add(setup.Messages().Inbound);
            var clock = Stopwatch.StartNew();
            await using var command = WorkerProcess.Start(setup, "tickets", "set-status", "SUP-000001", status, "--by", "ops");
            var exit = await command.WaitAsync(TimeSpan.FromSeconds(60));
            waits.Add(clock.Elapsed);
            Assert.True(exit == 0, $"tickets set-status {status}: exit {exit}\n{command.Output}\n{command.Log}");
            Assert.Equal(status, setup.Scalar<string>("SELECT status FROM tickets WHERE number = 'SUP-000001'"));
            // Less than one busy timeout (5 s), process start included: it did not wait out a poll.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"tickets set-status {status} took {clock.Elapsed.TotalSeconds:F1} s, started after {during[^1]} of {Messages} messages");
        }

        await DovecotRestartTests.EventuallyAsync(worker, "every message ingested", TimeSpan.FromSeconds(180), () => setup.Messages().Inbound == Messages);
        await worker.StopAsync();
        var (inbound, distinct, quarantined) = setup.Messages();
        Assert.Equal((Messages, Messages, 0L), (inbound, distinct, quarantined));
        Assert.True(during[^1] < Messages, $"the commands came after the drain ({during[^1]} of {Messages} in)");
        Assert.DoesNotContain("database is locked", worker.Log, StringComparison.Ordinal);
        FaultReport.Figures(output, string.Create(CultureInfo.InvariantCulture,
            $"operator-during-drain: `tickets set-status` three times while a worker ingested 3,000 messages (at {string.Join(", ", during)}): each done in {string.Join(", ", waits.Select(w => $"{w.TotalSeconds:F1} s"))} (process start included), none refused; all ingested, lost {Messages - distinct}, duplicates {inbound - distinct}"));
    }

    /// <summary>BEGIN EXCLUSIVE, tried every few milliseconds: SQLite's own wait would mostly miss the moments the worker's lock is free.</summary>
    private static void TakeExclusiveLock(SqliteConnection connection, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        using var begin = connection.CreateCommand();
        begin.CommandText = "PRAGMA busy_timeout = 0; BEGIN EXCLUSIVE; UPDATE job_runs SET runs = runs WHERE 0;";
        while (true)
        {
            try
            {
                begin.ExecuteNonQuery();
                return;
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 5 && clock.Elapsed < limit)
            {
                using var end = connection.CreateCommand();
                end.CommandText = "ROLLBACK";
                try
                {
                    end.ExecuteNonQuery();
                }
                catch (SqliteException)
                {
                    // No transaction was left open.
                }

                Thread.Sleep(2);
            }
        }
    }

    [FaultFact(NeedsRoot = true)]
    public async Task A_full_disk_fails_the_run_with_the_reason_rolls_back_and_the_mail_is_ingested_once_there_is_space()
    {
        var run = "diskfull-" + Guid.NewGuid().ToString("N")[..8];
        await using var folders = new Worker.Tests.Imap.DovecotFolders();
        var folder = await folders.CreateAsync("diskfull", [.. Enumerable.Range(0, Before).Select(i => FaultMail.Customer(run, i))]);
        await using var disk = await SmallDisk.MountAsync(megabytes: 24);
        using var setup = new WorkerSetup(folder, MailServer.ImapsPort, dataDirectory: disk.Path);
        await using var worker = WorkerProcess.Start(setup, "run");
        await DovecotRestartTests.EventuallyAsync(worker, "the first messages ingested", TimeSpan.FromSeconds(60), () => setup.Messages().Inbound == Before);

        // The disk fills up under the running worker (its database open); then mail arrives.
        var filler = disk.Fill();
        await Worker.Tests.Imap.DovecotFolders.AppendAsync(folder, [.. Enumerable.Range(Before, During).Select(i => FaultMail.Customer(run, i, 40_000))]);
        await DovecotRestartTests.EventuallyAsync(worker, "a write refused for lack of space", TimeSpan.FromSeconds(60), () => worker.Log.Contains("disk is full", StringComparison.Ordinal));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var (statusExit, status) = await setup.StatusAsync();
        var poll = WorkerSetup.Job(status, "MailboxPoll/support");
        output.WriteLine($"status on a full disk (exit {statusExit}): {status["status"]}, {poll.ToJsonString()}; problems {status["problems"]?.ToJsonString()}");
        // The failure itself cannot be written on a full disk; status sees the polls stop.
        Assert.Equal(1, statusExit);
        Assert.Equal("unhealthy", (string?)status["status"]);

        // Messages that still fitted (one at a time, into free pages) are ingested; the
        // checkpoint covers exactly those and no message beyond.
        var stuck = setup.Messages().Inbound;
        Assert.True(stuck < Before + During, $"{stuck} ingested on a full disk");
        Assert.Equal(stuck, setup.CheckpointUid());
        var failures = Regex.Count(worker.Log, "MailboxPoll/support failed");
        Assert.True(failures > 0, WorkerProcess.Tail(worker.Log, 30));

        File.Delete(filler);
        var freed = Stopwatch.StartNew();
        await DovecotRestartTests.EventuallyAsync(worker, "every message ingested once there is space", TimeSpan.FromSeconds(120), () => setup.Messages().Inbound == Before + During);
        var recovered = freed.Elapsed;
        await worker.StopAsync();
        var (inbound, distinct, quarantined) = setup.Messages();
        Assert.Equal(Before + During, distinct);
        Assert.Equal(0, quarantined);
        Assert.Equal((long)(Before + During), setup.CheckpointUid());
        Assert.Equal("ok", setup.Scalar<string>("PRAGMA quick_check"));
        output.WriteLine(WorkerProcess.Tail(string.Join('\n', worker.Log.Split('\n').Where(l => l.Contains("full", StringComparison.Ordinal) || l.Contains("failed", StringComparison.Ordinal))), 12));
        FaultReport.Figures(output, string.Create(CultureInfo.InvariantCulture,
            $"disk-full: 24 MB tmpfs filled under a running worker: {failures} failed polls (\"database or disk is full\"), checkpoint held at UID {stuck} ({stuck - Before} fitted one at a time), status unhealthy; space freed: {inbound - Before} of {During} ingested after {recovered.TotalSeconds:F1} s, lost {Before + During - distinct}, duplicates {inbound - distinct}, quick_check ok"));
    }
}
