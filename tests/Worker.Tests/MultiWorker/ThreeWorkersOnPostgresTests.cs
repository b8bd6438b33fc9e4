using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MailTicketing.Imap.Tests.Support;
using MailTicketing.Worker.Tests.Imap;
using MailTicketing.Worker.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace MailTicketing.Worker.Tests.MultiWorker;

/// <summary>
/// Three `run` processes on one PostgreSQL database and one Dovecot folder: every message becomes
/// exactly one ticket, every acknowledgement and SLA notice is claimed and written once across
/// the three. A lease holder that freezes (SIGSTOP) loses the mailbox to another worker once the
/// lease runs out and reads nothing twice when it thaws; one that is killed (SIGKILL) loses it at
/// once to a worker on the same machine, which sees its process gone.
/// </summary>
public sealed class ThreeWorkersOnPostgresTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Messages = 24;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(5);

    private readonly string _root = Directory.CreateTempSubdirectory("mt-three-workers-").FullName;
    private readonly string _database = $"mt_test_{Guid.NewGuid():N}";
    private readonly DovecotFolders _folders = new();
    private readonly List<Process> _workers = [];
    private string _connection = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable) is not { Length: > 0 } server)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
        await create.ExecuteNonQueryAsync();
        _connection = new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString;
    }

    [MultiWorkerFact]
    public async Task Three_workers_make_one_ticket_per_message_send_each_notice_once_and_take_over_a_dead_workers_mailbox()
    {
        var folder = await _folders.CreateAsync("three", [.. Enumerable.Range(0, Messages).Select(Mail)]);
        for (var i = 0; i < 3; i++)
        {
            _workers.Add(Start(i, folder));
        }

        // Every ticket, its acknowledgement, and both SLA breaches (20 s resolution target) sent.
        await EventuallyAsync("all tickets made and every notice written", TimeSpan.FromSeconds(150), async () =>
            await CountAsync("SELECT COUNT(*) FROM tickets") == Messages
            && await CountAsync("SELECT COUNT(*) FROM scheduled_claims WHERE key LIKE '%:breach'") == 2 * Messages
            && await CountAsync("SELECT COUNT(*) FROM outbox WHERE state <> 'Sent'") == 0);

        Assert.Equal(Messages, await CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'Inbound'"));
        Assert.Equal(Messages, await CountAsync("SELECT COUNT(DISTINCT message_id) FROM messages WHERE direction = 'Inbound'"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM outbox WHERE attempts <> 1"));
        Assert.Equal(Messages, await CountAsync("SELECT COUNT(*) FROM outbox WHERE recipient LIKE 'customer%'"));
        Assert.Equal(await CountAsync("SELECT COUNT(*) FROM scheduled_claims"), await CountAsync("SELECT COUNT(*) FROM outbox WHERE recipient = 'team@exchange.example'"));

        // Each outbox row became exactly one file, in exactly one worker's pickup folder.
        var written = Enumerable.Range(0, 3).SelectMany(Written).Select(path => Path.GetFileName(path)[..8]).ToList();
        Assert.Equal(await CountAsync("SELECT COUNT(*) FROM outbox"), written.Count);
        Assert.Equal(written.Count, written.Distinct().Count());
        output.WriteLine($"{written.Count} messages written by workers: " + string.Join(", ", Enumerable.Range(0, 3).Select(i => Written(i).Count())));

        // Freeze the lease holder (SIGSTOP: alive, as a worker on another machine or a paused VM
        // looks): another worker must take the lease once it runs out and read the new mail.
        var frozen = await HolderAsync();
        Signal("STOP", frozen.Process);
        var stoppedAt = Stopwatch.StartNew();
        await DovecotFolders.AppendAsync(folder, Mail(Messages));
        var (expired, readAfterExpiry) = await TakeoverAsync(frozen.Owner, Messages + 1, stoppedAt);
        output.WriteLine($"lease holder {frozen.Owner} frozen; lease taken after {expired.TotalSeconds:F1} s, the next message read after {readAfterExpiry.TotalSeconds:F1} s (lease {Lease.TotalSeconds} s, poll every 1 s)");
        // At the freeze the lease had at most its length left; a live worker's next poll (every
        // second) takes it. Quartz's detection of a dead node (tens of seconds) is not waited
        // for: the polls run in each worker's own scheduler (WorkerHost).
        Assert.True(expired < Lease + TimeSpan.FromSeconds(2.5), $"lease taken after {expired}");
        Assert.True(readAfterExpiry < Lease + TimeSpan.FromSeconds(15), $"message read after {readAfterExpiry}");

        // Thawed, the old holder finds its lease gone at its next renewal and reads nothing twice.
        Signal("CONT", frozen.Process);
        await Task.Delay(Lease);
        Assert.Equal(Messages + 1, await CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'Inbound'"));
        Assert.NotEqual(frozen.Owner, (await HolderAsync()).Owner);

        // Kill the new holder (SIGKILL): a worker on the same machine sees that its process is
        // gone and frees the lease at its next poll, without waiting for the lease to run out.
        var killed = await HolderAsync();
        killed.Process.Kill();
        await killed.Process.WaitForExitAsync();
        var killedAt = Stopwatch.StartNew();
        await DovecotFolders.AppendAsync(folder, Mail(Messages + 1));
        var (freed, readAfterKill) = await TakeoverAsync(killed.Owner, Messages + 2, killedAt);
        output.WriteLine($"lease holder {killed.Owner} killed; lease taken after {freed.TotalSeconds:F1} s, the next message read after {readAfterKill.TotalSeconds:F1} s");
        Assert.True(freed < TimeSpan.FromSeconds(3.5), $"lease taken after {freed}");
        Assert.Equal(Messages + 2, await CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'Inbound'"));
        Assert.Equal(Messages + 2, await CountAsync("SELECT COUNT(DISTINCT message_id) FROM messages WHERE direction = 'Inbound'"));
    }

    private async Task<(string Owner, Process Process)> HolderAsync()
    {
        var owner = await ScalarAsync<string>("SELECT owner FROM mailbox_leases WHERE mailbox = 'support'");
        return (owner, _workers.Single(w => !w.HasExited && owner.Split(':')[1] == w.Id.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>How long after <paramref name="since"/> started the lease left <paramref name="holder"/>, and the tickets reached <paramref name="tickets"/>.</summary>
    private async Task<(TimeSpan LeaseMoved, TimeSpan Read)> TakeoverAsync(string holder, int tickets, Stopwatch since)
    {
        await EventuallyAsync("the lease taken by another worker", TimeSpan.FromSeconds(60), async () =>
            await ScalarAsync<string>("SELECT owner FROM mailbox_leases WHERE mailbox = 'support'") != holder);
        var moved = since.Elapsed;
        await EventuallyAsync("the new message ingested by another worker", TimeSpan.FromSeconds(60), async () =>
            await CountAsync("SELECT COUNT(*) FROM tickets") == tickets);
        return (moved, since.Elapsed);
    }

    private static void Signal(string signal, Process process)
    {
        // The shell's own kill: no procps needed.
        using var kill = Process.Start("bash", ["-c", $"kill -{signal} {process.Id.ToString(CultureInfo.InvariantCulture)}"]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>The files a worker wrote to its pickup folder (created at its first delivery).</summary>
    private IEnumerable<string> Written(int index)
    {
        var pickup = Path.Combine(_root, $"w{index}", "pickup");
        return Directory.Exists(pickup) ? Directory.EnumerateFiles(pickup, "*.eml") : [];
    }

    private Process Start(int index, string folder)
    {
        var data = Path.Combine(_root, $"w{index}");
        Directory.CreateDirectory(data);
        var config = Path.Combine(data, "worker.json");
        File.WriteAllText(config, Config(data, folder).ToJsonString());
        var start = WorkerCommandLine.StartInfo(data, ["run", "--config", config], new Dictionary<string, string>
        {
            ["MT_THREE_WORKERS_DB"] = _connection,
            ["MT_THREE_WORKERS_IMAP"] = MailServer.Password,
            ["MT_THREE_WORKERS_KEY"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
        });
        var process = Process.Start(start)!;
        var log = new StreamWriter(Path.Combine(data, "worker.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private static JsonObject Config(string data, string folder) => new()
    {
        ["Logging"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = "Information" } },
        ["MailTicketing"] = new JsonObject
        {
            ["DataDirectory"] = data,
            ["RulesFile"] = "",
            ["SigningKeyVariable"] = "MT_THREE_WORKERS_KEY",
            ["Database"] = new JsonObject { ["Provider"] = "Postgres", ["ConnectionStringVariable"] = "MT_THREE_WORKERS_DB" },
            ["MailboxLease"] = "00:00:05",
            ["ImapIdleDuration"] = "00:00:30",
            ["Schedules"] = WorkerConfigJson.EverySecondSchedules(),
            ["Sla"] = new JsonObject
            {
                ["Calendars"] = new JsonArray(WorkerConfigJson.AlwaysOpenCalendar()),
                ["Policies"] = new JsonArray(new JsonObject { ["Name"] = "fast", ["Calendar"] = "always", ["FirstResponse"] = "00:00:10", ["Resolution"] = "00:00:20", ["ReminderShare"] = 0.5 }),
                ["DefaultPolicy"] = "fast",
                ["DefaultTeamAddress"] = "team@exchange.example",
            },
            ["Mailboxes"] = new JsonArray(WorkerConfigJson.SupportMailbox(folder, "MT_THREE_WORKERS_IMAP")),
        },
    };

    /// <summary>A distinct customer and problem per message, dated now (the SLA clocks start at the message's date).</summary>
    private static byte[] Mail(int i) => Encoding.UTF8.GetBytes(
        $"From: Customer {i} <customer{i}@customer.example>\r\n" +
        "To: support@exchange.example\r\n" +
        $"Subject: Withdrawal {i} stuck\r\n" +
        $"Date: {DateTimeOffset.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)}\r\n" +
        $"Message-ID: <three-{i}-{Guid.NewGuid():N}@customer.example>\r\n" +
        "\r\n" +
        $"My withdrawal number {i} has not arrived, order WD2026{i:D6}.\r\n");

    private async Task<long> CountAsync(string sql) => await ScalarAsync<long>(sql);

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task EventuallyAsync(string what, TimeSpan limit, Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await Safely(condition))
        {
            if (clock.Elapsed > limit || _workers.All(w => w.HasExited))
            {
                Assert.Fail($"{what}: not within {limit}; worker logs:\n" + string.Join("\n---\n", Enumerable.Range(0, _workers.Count).Select(Tail)));
            }

            await Task.Delay(250);
        }
    }

    // Tables appear when the first worker has migrated.
    private static async Task<bool> Safely(Func<Task<bool>> condition)
    {
        try
        {
            return await condition();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return false;
        }
    }

    private string Tail(int index)
    {
        var path = Path.Combine(_root, $"w{index}", "worker.log");
        return File.Exists(path) ? string.Join("\n", File.ReadLines(path).TakeLast(15)) : "(no log)";
    }

    public async Task DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            if (!worker.HasExited)
            {
                worker.Kill();
                await worker.WaitForExitAsync();
            }

            worker.Dispose();
        }

        await _folders.DisposeAsync();
        if (_connection.Length > 0)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Needs PostgreSQL and Dovecot: skipped with the reason without them, failed on CI.</summary>
    private sealed class MultiWorkerFactAttribute : FactAttribute
    {
        public MultiWorkerFactAttribute()
        {
            Skip = new PostgresFactAttribute().Skip ?? MailServer.SkipReason;
        }
    }
}
