using System.Diagnostics;
using System.Globalization;
using MailTicketing.Crash.Tests.Backlog;
using MailTicketing.Crash.Tests.Harness;
using MailTicketing.Imap;
using MailTicketing.Imap.Tests.Support;
using MailTicketing.Worker.Tests.Imap;
using Xunit.Abstractions;

namespace MailTicketing.Crash.Tests;

/// <summary>
/// The crash test of docs/reliability.md: a backlog in a Dovecot folder ingested by `run` while
/// the worker is SIGKILLed at seeded random moments and restarted each time, then a clean run
/// to the end. Every message must be in exactly one ticket (its problem's), every ticket must
/// have exactly one acknowledgement in the customer's mailbox and one reminder in the team's,
/// except the one copy per kill that SMTP cannot rule out (accepted by the server, killed
/// before the row was marked sent), which is counted apart.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Logins = [.. CrashBacklog.Customers.Select(CrashBacklog.Address), CrashConfig.TeamAddress];

    private readonly string _root = Directory.CreateTempSubdirectory("mt-crash-").FullName;
    private readonly DovecotFolders _folders = new();
    private readonly Dictionary<string, ImapUid> _mailFrom = [];
    private WorkerProcess? _worker;
    private StreamWriter? _log;

    public Task InitializeAsync() => Task.CompletedTask;

    [CrashFact]
    public async Task A_backlog_read_under_repeated_SIGKILL_loses_no_message_makes_one_ticket_per_problem_and_sends_each_notice_once()
    {
        var settings = CrashSettings.FromEnvironment();
        var wall = Stopwatch.StartNew();
        var backlog = CrashBacklog.Create(settings.Messages, settings.Seed, DateTimeOffset.UtcNow);
        foreach (var login in Logins)
        {
            _mailFrom[login] = await DeliveredMail.UidNextAsync(login);
        }

        var folder = await _folders.CreateAsync("crash", [.. backlog.Messages.Select(m => m.Bytes)]);
        output.WriteLine($"{backlog.Messages.Count} messages ({backlog.Problems} problems) appended to {folder} in {wall.Elapsed.TotalSeconds:F1} s");

        var data = Path.Combine(_root, "data");
        Directory.CreateDirectory(data);
        var database = new CrashDatabase(Path.Combine(data, "mailticketing.db"));
        var config = Path.Combine(_root, "worker.json");
        File.WriteAllText(config, CrashConfig.Create(data, database.Path, folder).ToJsonString());
        var environment = CrashConfig.Environment(Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray()));
        var source = $"imap:{MailServer.Host}/{MailServer.Staff("support")}/{folder}";
        _log = new StreamWriter(Path.Combine(_root, "worker.log")) { AutoFlush = true };

        // The kills: a seeded 30% within the first 1.5 s of a life (startup, migration, Quartz,
        // the outbox's first pass), the rest at a random moment up to MaxLifetime after the life
        // took the mailbox's lease and connected (reading, committing, flagging, sending, sweeps).
        // A life killed before it connected leaves no lease; one killed after leaves its lease to
        // run out (5 s), so the next life waits for it, as a restarted worker would.
        var random = new Random(settings.Seed);
        var kills = new List<DateTimeOffset>();
        var killsBeforeDrained = 0;
        var drainedAt = TimeSpan.Zero;
        var run = Stopwatch.StartNew();
        for (var life = 0; life < settings.Kills; life++)
        {
            var early = random.NextDouble() < 0.3;
            var lifetime = TimeSpan.FromSeconds(random.NextDouble() * (early ? 1.5 : settings.MaxLifetime.TotalSeconds));
            _worker = WorkerProcess.Start(_root, config, _log, environment, life);
            if (!early)
            {
                // Past the drain there is nothing left to connect for; the kill then lands on the idle loop and the sweeps.
                await Task.WhenAny(_worker.Connected, Task.Delay(TimeSpan.FromSeconds(30)));
            }

            await Task.Delay(lifetime);
            Assert.False(_worker.HasExited, $"the worker exited by itself in life {life}:\n{Tail()}");
            if (drainedAt == TimeSpan.Zero)
            {
                killsBeforeDrained++;
            }

            kills.Add(await _worker.KillAsync());
            _worker.Dispose();
            _worker = null;
            if (drainedAt == TimeSpan.Zero && Drained(database, source, backlog))
            {
                drainedAt = run.Elapsed;
            }
        }

        // The last life runs until everything is done, then stops cleanly.
        _worker = WorkerProcess.Start(_root, config, _log, environment, settings.Kills);
        await Task.WhenAny(_worker.Connected, Task.Delay(TimeSpan.FromSeconds(30)));
        while (!_worker.Connected.IsCompleted || !Drained(database, source, backlog))
        {
            Assert.True(run.Elapsed < settings.DrainTimeout, $"not drained within {settings.DrainTimeout}: {Progress(database, source)}\n{Tail()}");
            Assert.False(_worker.HasExited, $"the last worker exited by itself:\n{Tail()}");
            await Task.Delay(500);
        }

        if (drainedAt == TimeSpan.Zero)
        {
            drainedAt = run.Elapsed;
        }

        var exitCode = await _worker.StopAsync(TimeSpan.FromSeconds(40));
        _worker.Dispose();
        _worker = null;

        var (customerMail, teamMail) = await ArrivedAsync(database);
        var problems = new List<string>();
        var figures = CrashVerdict.Measure(backlog, database, source, customerMail, teamMail, kills, problems) with
        {
            Kills = settings.Kills,
            Seed = settings.Seed,
            Restarts = settings.Kills,
            KillsBeforeDrained = killsBeforeDrained,
            FinalExitCode = exitCode,
            Drained = drainedAt,
            Wall = wall.Elapsed,
        };

        Report(settings, figures, problems);
        Assert.True(figures.Passed, $"{figures.Summary}\n{figures.Details}\n{string.Join("\n", problems.Take(40))}\n{Tail()}");
    }

    /// <summary>Every UID read, every outbox row settled, every ticket's reminder claimed.</summary>
    private static bool Drained(CrashDatabase database, string source, CrashBacklog backlog) =>
        database.Count("SELECT COUNT(*) FROM source_items WHERE source = @source", new { source }) == backlog.Messages.Count
        && database.Count("SELECT COUNT(*) FROM outbox WHERE state = 'Pending'") == 0
        && database.Count("SELECT COUNT(*) FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM scheduled_claims c WHERE c.ticket_id = t.id AND c.key LIKE '%:reminder')") == 0;

    private static string Progress(CrashDatabase database, string source) => string.Create(
        CultureInfo.InvariantCulture,
        $"read {database.Count("SELECT COUNT(*) FROM source_items WHERE source = @source", new { source })}, " +
        $"tickets {database.Count("SELECT COUNT(*) FROM tickets")}, " +
        $"outbox pending {database.Count("SELECT COUNT(*) FROM outbox WHERE state = 'Pending'")}, " +
        $"reminder claims {database.Count("SELECT COUNT(*) FROM scheduled_claims WHERE key LIKE '%:reminder'")}");

    /// <summary>Waits until every message the outbox sent is in its mailbox (Postfix delivers within seconds), then reads them all.</summary>
    private async Task<(List<DeliveredMail.Copy> Customers, List<DeliveredMail.Copy> Team)> ArrivedAsync(CrashDatabase database)
    {
        var sent = database.Query<string>("SELECT message_id FROM outbox WHERE state = 'Sent'").Select(id => id.Trim('<', '>')).ToHashSet();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var all = new List<DeliveredMail.Copy>();
            foreach (var login in Logins)
            {
                all.AddRange(await DeliveredMail.ReadAsync(login, _mailFrom[login]));
            }

            var arrived = all.Where(c => c.MessageId is not null && sent.Contains(c.MessageId.Trim('<', '>'))).ToList();
            var missing = sent.Count - arrived.Select(c => c.MessageId!.Trim('<', '>')).Distinct().Count();
            if (missing == 0 || clock.Elapsed > TimeSpan.FromSeconds(90))
            {
                output.WriteLine($"{arrived.Count} copies of {sent.Count} sent messages arrived ({missing} not) after {clock.Elapsed.TotalSeconds:F0} s");
                return ([.. arrived.Where(c => c.Login != CrashConfig.TeamAddress)], [.. arrived.Where(c => c.Login == CrashConfig.TeamAddress)]);
            }

            await Task.Delay(2000);
        }
    }

    private void Report(CrashSettings settings, CrashFigures figures, List<string> problems)
    {
        var lines = new List<string> { figures.Summary, figures.Details };
        lines.AddRange(problems.Take(100).Select(p => "  " + p));
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        if (settings.ReportPath is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.AppendAllLines(path, lines);
            _log?.Flush();
            File.Copy(Path.Combine(_root, "worker.log"), Path.ChangeExtension(path, ".worker.log"), overwrite: true);
        }
    }

    private string Tail()
    {
        var path = Path.Combine(_root, "worker.log");
        if (!File.Exists(path))
        {
            return "(no worker log)";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return "worker log, last lines:\n" + string.Join("\n", reader.ReadToEnd().Split('\n').TakeLast(30));
    }

    public async Task DisposeAsync()
    {
        _worker?.Dispose();
        _log?.Dispose();

        // This run's acknowledgements and notices leave the shared mailboxes (only ours: matched by Message-ID).
        var database = new CrashDatabase(Path.Combine(_root, "data", "mailticketing.db"));
        var ours = File.Exists(database.Path)
            ? database.Query<string>("SELECT message_id FROM outbox").Select(id => id.Trim('<', '>')).ToHashSet()
            : [];
        foreach (var (login, from) in _mailFrom)
        {
            try
            {
                var copies = await DeliveredMail.ReadAsync(login, from);
                var uids = copies.Where(c => c.MessageId is not null && ours.Contains(c.MessageId.Trim('<', '>'))).Select(c => c.Uid).ToList();
                await DeliveredMail.RemoveAsync(login, uids, $"crash-trash-{Guid.NewGuid():N}"[..24]);
            }
            catch (ImapException e)
            {
                output.WriteLine($"could not clean {login}: {e.Message}");
            }
        }

        await _folders.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Needs the test Dovecot and Postfix: skipped with the reason without them, failed on CI.</summary>
    private sealed class CrashFactAttribute : FactAttribute
    {
        public CrashFactAttribute()
        {
            Skip = MailServer.SkipReason ?? TestEnvironment.SkipUnless(
                !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MT_SMTP_PORT")),
                "needs the test Postfix: MT_SMTP_PORT is not set (scripts/test starts it)");
        }
    }
}
