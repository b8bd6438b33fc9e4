using System.Diagnostics;
using System.Globalization;
using System.Text;
using MailTicketing.Bench.Ingest;
using MailTicketing.Imap;
using MailTicketing.Smtp;
using MailTicketing.Tickets.Ingestion;
using MailTicketing.Transport;
using MailTicketing.Worker.Composition;
using MailTicketing.Worker.Configuration;
using MailTicketing.Worker.Scheduling;
using MailTicketing.Worker.Sources;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailTicketing.Bench.Imap;

/// <summary>
/// IMAP ingestion against the test Dovecot: a backlog APPENDed to one folder per mailbox, then,
/// in the same run, a plain UID FETCH of those folders, IMAP ingestion into a fresh SQLite file
/// and the file import of the same messages into another; then delivery-to-ticket latency with
/// IDLE for messages sent one by one through Postfix.
/// </summary>
internal static class ImapBench
{
    private static readonly string[] Mailboxes = ["support", "security", "compliance"];

    public static async Task<int> RunAsync(ImapBenchSettings settings, TextWriter log)
    {
        var run = DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
        var folders = Mailboxes.ToDictionary(m => m, m => $"bench-{run}-{m}");
        var password = Required("MT_MAIL_PASSWORD");
        Environment.SetEnvironmentVariable("MT_BENCH_IMAP_PASSWORD", password);

        var list = MailSet.Write(Path.Combine(settings.Work, "mail"), settings.Count, settings.Seed, log);
        var files = MailFile.ReadList(list);
        var bytes = files.Sum(f => new FileInfo(f.Path).Length);
        log.WriteLine($"backlog: {files.Count:N0} messages, {bytes / 1e6:F1} MB");

        var importRoot = Path.Combine(settings.Work, $"import-{run}");
        foreach (var file in files)
        {
            var folder = Path.Combine(importRoot, file.Mailbox);
            Directory.CreateDirectory(folder);
            File.Copy(file.Path, Path.Combine(folder, Path.GetFileName(file.Path)));
        }

        var append = Stopwatch.StartNew();
        await AppendAsync(files, folders);
        append.Stop();
        log.WriteLine($"append: {files.Count / append.Elapsed.TotalSeconds:N0} messages/s");

        var fetch = await TimeAsync(() => FetchAllAsync(folders.Values));
        log.WriteLine($"fetch: {files.Count / fetch.Elapsed.TotalSeconds:N0} messages/s");
        // Two rounds, alternating, so warm-up (JIT, page cache) and a busy moment on the machine hurt both alike.
        var imports = new List<Timed>();
        var imaps = new List<Timed>();
        for (var round = 1; round <= 2; round++)
        {
            imports.Add(await TimeAsync(() => ImportAsync(Path.Combine(settings.Work, $"db-import{round}-{run}"), importRoot)));
            log.WriteLine($"round {round} file import: {files.Count / imports[^1].Elapsed.TotalSeconds:N0} messages/s");
            imaps.Add(await TimeAsync(() => ImapIngestAsync(Path.Combine(settings.Work, $"db-imap{round}-{run}"), folders)));
            log.WriteLine($"round {round} IMAP ingestion: {files.Count / imaps[^1].Elapsed.TotalSeconds:N0} messages/s");
        }

        var import = new Timed(imports.Aggregate(TimeSpan.Zero, (a, t) => a + t.Elapsed) / imports.Count, string.Join("; ", imports.Select(t => $"{t.Elapsed.TotalSeconds:F1} s")) + " — " + imports[^1].Detail);
        var imap = new Timed(imaps.Aggregate(TimeSpan.Zero, (a, t) => a + t.Elapsed) / imaps.Count, string.Join("; ", imaps.Select(t => $"{t.Elapsed.TotalSeconds:F1} s")) + " — " + imaps[^1].Detail);

        var latencies = settings.Latency > 0 ? await LatencyAsync(Path.Combine(settings.Work, $"db-latency-{run}"), run, settings.Latency, log) : [];

        await DeleteFoldersAsync(folders.Values);
        Directory.Delete(importRoot, recursive: true);
        foreach (var db in Directory.EnumerateDirectories(settings.Work, $"db-*{run}"))
        {
            Directory.Delete(db, recursive: true);
        }

        var report = Report(settings, files.Count, bytes, append.Elapsed, fetch, import, imap, latencies);
        Directory.CreateDirectory(Path.GetDirectoryName(settings.ReportFile)!);
        await File.WriteAllTextAsync(settings.ReportFile, report);
        log.WriteLine(report);
        return 0;
    }

    private static async Task<Timed> TimeAsync(Func<Task<string>> work)
    {
        var clock = Stopwatch.StartNew();
        var detail = await work();
        return new Timed(clock.Elapsed, detail);
    }

    private static async Task AppendAsync(IReadOnlyList<MailFile> files, Dictionary<string, string> folders)
    {
        await using var client = await LoginAsync("support");
        foreach (var folder in folders.Values)
        {
            await client.CreateMailboxAsync(folder, CancellationToken.None);
        }

        foreach (var file in files)
        {
            await using var stream = File.OpenRead(file.Path);
            await client.AppendAsync(folders[file.Mailbox], stream, cancellationToken: CancellationToken.None);
        }
    }

    /// <summary>The network side alone: every message fetched and spooled the way ingestion spools it.</summary>
    private static async Task<string> FetchAllAsync(IEnumerable<string> folders)
    {
        long messages = 0, bytes = 0;
        foreach (var folder in folders)
        {
            await using var client = await LoginAsync("support");
            await client.ExamineAsync(folder, CancellationToken.None);
            var uids = await client.SearchAsync(ImapSearchQuery.All, CancellationToken.None);
            foreach (var chunk in uids.Chunk(ImapSource.FetchChunk))
            {
                var spool = new List<byte[]>(chunk.Length);
                await client.FetchMessagesAsync(ImapUidSet.Of(chunk), async (summary, body, ct) =>
                {
                    var buffer = new MemoryStream((int)(summary.Size ?? 4096));
                    await body.CopyToAsync(buffer, ct);
                    spool.Add(buffer.GetBuffer());
                    messages++;
                    bytes += buffer.Length;
                }, CancellationToken.None);
            }
        }

        return $"{messages:N0} messages, {bytes / 1e6:F1} MB";
    }

    private static async Task<string> ImportAsync(string dataDirectory, string importRoot)
    {
        var options = Options(dataDirectory, null);
        await using var services = await WorkerServices.CreateAsync(options, NullLoggerFactory.Instance, TimeProvider.System, CancellationToken.None);
        var runner = new IngestRunner(services.Ingest, NullLoggerFactory.Instance.CreateLogger("bench"));
        var summary = new IngestSummary();
        foreach (var mailbox in Mailboxes)
        {
            using var source = new ImportSource(mailbox, Path.Combine(importRoot, mailbox));
            await runner.RunAsync(source.Read(), summary, afterEach: null, CancellationToken.None);
        }

        return Outcomes(summary);
    }

    private static async Task<string> ImapIngestAsync(string dataDirectory, Dictionary<string, string> folders)
    {
        var options = Options(dataDirectory, folders);
        await using var services = await WorkerServices.CreateAsync(options, NullLoggerFactory.Instance, TimeProvider.System, CancellationToken.None);
        var logger = NullLoggerFactory.Instance.CreateLogger("bench");
        var runner = new IngestRunner(services.Ingest, logger);
        var summary = new IngestSummary();
        await using var imap = ImapIngestion.Create(options, services.Store, runner, TimeProvider.System, logger);
        await imap.DrainAllAsync(summary, CancellationToken.None);
        return Outcomes(summary);
    }

    /// <summary>
    /// A worker idling on team@'s INBOX; each message is sent through Postfix's inbound port and
    /// timed from just before the SMTP transaction to the moment its ticket is visible in SQLite.
    /// </summary>
    private static async Task<List<double>> LatencyAsync(string dataDirectory, string run, int count, TextWriter log)
    {
        await ClearInboxAsync("team", $"bench-{run}-old");
        var options = new WorkerOptions
        {
            DataDirectory = dataDirectory,
            PollInterval = TimeSpan.FromSeconds(10),
            ImapIdleDuration = TimeSpan.FromHours(1),
            Mailboxes = [new MailboxOptions { Name = "team", Address = Staff("team"), TicketPrefix = "TEAM", Imap = Imap("team", "INBOX") }],
        };
        await using var services = await WorkerServices.CreateAsync(options, NullLoggerFactory.Instance, TimeProvider.System, CancellationToken.None);
        var logger = NullLoggerFactory.Instance.CreateLogger("bench");
        var runner = new IngestRunner(services.Ingest, logger);
        var recorder = new JobRunRecorder(services.Coordination, WorkerIdentity.Create(), TimeProvider.System, NullLogger<JobRunRecorder>.Instance);
        await using var polling = new MailboxPolling(options, ImapIngestion.Create(options, services.Store, runner, TimeProvider.System, logger), runner, services.Coordination, recorder, logger);
        using var stopPolling = new CancellationTokenSource();
        // The mailbox's scheduled poll job, held in IDLE for the whole measurement.
        var poll = polling.PollAsync("team", stopPolling.Token);
        await using var db = new SqliteConnection($"Data Source={options.DatabasePath};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));

        var smtpOptions = new SmtpClientOptions
        {
            Host = Required("MT_MAIL_HOST"),
            Port = int.Parse(Required("MT_SMTP_MX_PORT"), CultureInfo.InvariantCulture),
            Security = SmtpSecurity.None,
        };
        await using var smtp = await SmtpClient.ConnectAsync(smtpOptions);
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var sent = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            var message = Encoding.UTF8.GetBytes(
                $"From: probe{i}-{run}@customer.example\r\nTo: {Staff("team")}\r\nSubject: Latency probe {i}\r\n"
                + $"Date: {sent:ddd, dd MMM yyyy HH:mm:ss} +0000\r\nMessage-ID: <probe-{run}-{i}@customer.example>\r\n"
                + $"X-Bench-Sent: {sent.ToUnixTimeMilliseconds()}\r\n\r\nWithdrawal {i} is pending.\r\n");
            await smtp.SendAsync(new SmtpEnvelope { Sender = $"probe{i}-{run}@customer.example", Recipients = [Staff("team")] }, new MemoryStream(message));
            while (await CountTicketsAsync(db) < i + 1)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException($"probe {i} did not become a ticket within 60 s");
                }

                await Task.Delay(5);
            }

            latencies.Add(clock.Elapsed.TotalMilliseconds);
            if ((i + 1) % 50 == 0)
            {
                log.WriteLine($"latency: {i + 1}/{count}, median so far {Percentile(latencies, 0.5):F0} ms");
            }
        }

        await smtp.QuitAsync();
        await stopPolling.CancelAsync();
        await poll;
        return latencies;
    }

    private static async Task<long> CountTicketsAsync(SqliteConnection db)
    {
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM tickets";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ClearInboxAsync(string user, string attic)
    {
        await using var client = await LoginAsync(user);
        await client.SelectAsync("INBOX", CancellationToken.None);
        var old = await client.SearchAsync(ImapSearchQuery.All, CancellationToken.None);
        if (old.Count > 0)
        {
            await client.MoveAsync(ImapUidSet.Of(old), attic, CancellationToken.None);
        }
    }

    private static async Task DeleteFoldersAsync(IEnumerable<string> folders)
    {
        await using var client = await LoginAsync("support");
        foreach (var folder in folders)
        {
            await client.DeleteMailboxAsync(folder, CancellationToken.None);
        }
    }

    private static WorkerOptions Options(string dataDirectory, Dictionary<string, string>? folders)
    {
        var mailboxes = WorkerOptions.DefaultMailboxes();
        foreach (var mailbox in mailboxes)
        {
            mailbox.Maildir = null;
            mailbox.Imap = folders is null ? null : Imap("support", folders[mailbox.Name]);
        }

        return new WorkerOptions { DataDirectory = dataDirectory, Mailboxes = mailboxes };
    }

    // Leave: the backlog stays in place for the next run; flagging 20,000 messages would add one UID STORE per chunk.
    private static ImapMailboxOptions Imap(string user, string folder) => new()
    {
        Host = Required("MT_MAIL_HOST"),
        Port = int.Parse(Required("MT_IMAPS_PORT"), CultureInfo.InvariantCulture),
        Security = ImapSecurity.ImplicitTls,
        User = Staff(user),
        PasswordVariable = "MT_BENCH_IMAP_PASSWORD",
        CaFile = Required("MT_CA_FILE"),
        Folder = folder,
        Processed = user == "team" ? ImapProcessedAction.Flag : ImapProcessedAction.Leave,
    };

    private static async Task<ImapClient> LoginAsync(string user)
    {
        var client = await ImapClient.ConnectAsync(new ImapClientOptions
        {
            Host = Required("MT_MAIL_HOST"),
            Port = int.Parse(Required("MT_IMAPS_PORT"), CultureInfo.InvariantCulture),
            Security = ImapSecurity.ImplicitTls,
            CaCertificateFile = Required("MT_CA_FILE"),
        }, CancellationToken.None);
        await client.AuthenticateAsync(MailCredentials.FromPassword(Staff(user), Required("MT_MAIL_PASSWORD")), CancellationToken.None);
        return client;
    }

    private static string Outcomes(IngestSummary summary) =>
        string.Join(", ", Enum.GetValues<IngestOutcome>().Where(o => summary.Count(o) > 0).Select(o => $"{summary.Count(o):N0} {o}"))
        + (summary.Errors() > 0 ? $", {summary.Errors()} errors" : "");

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static string Report(ImapBenchSettings settings, int count, long bytes, TimeSpan append, Timed fetch, Timed import, Timed imap, List<double> latencies)
    {
        string Rate(TimeSpan t) => (count / t.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture);
        var ratio = import.Elapsed / imap.Elapsed;
        var text = new StringBuilder();
        text.AppendLine("# IMAP ingestion benchmark");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{settings.Meta}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Backlog: **{count:N0} messages** ({bytes / 1e6:F1} MB, the ingest benchmark's seeded generator, seed {settings.Seed}), APPENDed to one Dovecot folder per mailbox (support, security, compliance) in {append.TotalSeconds:F1} s. Dovecot and SQLite on the same machine; IMAP over implicit TLS; every figure from the same run.");
        text.AppendLine();
        text.AppendLine("| what | time | messages/s | result |");
        text.AppendLine("|---|---:|---:|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| plain UID FETCH by our client, spooled (200 UIDs per fetch) | {fetch.Elapsed.TotalSeconds:F1} s | {Rate(fetch.Elapsed)} | {fetch.Detail} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| file import of the same messages into a fresh SQLite (mean of 2 rounds) | {import.Elapsed.TotalSeconds:F1} s | {Rate(import.Elapsed)} | {import.Detail} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| IMAP ingestion (`run --once` path) into a fresh SQLite (mean of 2 rounds) | {imap.Elapsed.TotalSeconds:F1} s | {Rate(imap.Elapsed)} | {imap.Detail} |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"**IMAP ingestion / file import: {ratio:P0}** (target at least 80%: {(ratio >= 0.8 ? "met" : "NOT met")}).");
        text.AppendLine();
        if (latencies.Count > 0)
        {
            var median = Percentile(latencies, 0.5);
            var p99 = Percentile(latencies, 0.99);
            text.AppendLine(CultureInfo.InvariantCulture, $"Delivery-to-ticket latency with IDLE: {latencies.Count} messages sent one by one through Postfix's inbound port (SMTP, then LMTP into Dovecot, IDLE wakes the worker, fetch, ingest, commit), each timed from just before its SMTP transaction until its ticket is visible in the database:");
            text.AppendLine();
            text.AppendLine("| median | p90 | p99 | max | target |");
            text.AppendLine("|---:|---:|---:|---:|---|");
            text.AppendLine(CultureInfo.InvariantCulture, $"| {median:F0} ms | {Percentile(latencies, 0.9):F0} ms | {p99:F0} ms | {latencies.Max():F0} ms | median < 1 s: {(median < 1000 ? "met" : "NOT met")}; p99 < 3 s: {(p99 < 3000 ? "met" : "NOT met")} |");
        }

        return text.ToString();
    }

    private static string Staff(string user) => $"{user}@{Required("MT_STAFF_DOMAIN")}";

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set; run bench/imap.sh");

    private sealed record Timed(TimeSpan Elapsed, string Detail);
}
