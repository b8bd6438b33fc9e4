using System.Globalization;
using System.Text.Json.Nodes;
using MailTicketing.Imap.Tests.Support;
using MailTicketing.Worker.Tests.Support;
using Microsoft.Data.Sqlite;

namespace MailTicketing.Faults.Tests.Support;

/// <summary>
/// One worker's configuration and data folder (SQLite under it): the support mailbox read
/// over IMAP, fast schedules so a fault and its recovery fit in a test, and read-only queries
/// on the database the worker wrote.
/// </summary>
internal sealed class WorkerSetup : IDisposable
{
    private const string ImapPasswordVariable = "MT_FAULT_IMAP_PASSWORD";
    private const string SmtpPasswordVariable = "MT_FAULT_SMTP_PASSWORD";
    private const string KeyVariable = "MT_FAULT_SIGNING_KEY";

    public WorkerSetup(string folder, int imapsPort, string? dataDirectory = null, string? caFile = null)
    {
        Root = Directory.CreateTempSubdirectory("mt-fault-").FullName;
        DataDirectory = dataDirectory ?? Path.Combine(Root, "data");
        Config = new JsonObject
        {
            ["Logging"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = "Warning", ["MailTicketing"] = "Information" } },
            ["MailTicketing"] = new JsonObject
            {
                ["DataDirectory"] = DataDirectory,
                ["RulesFile"] = "",
                ["SigningKeyVariable"] = KeyVariable,
                ["ImapIdleDuration"] = "00:00:00",
                ["Schedules"] = new JsonObject
                {
                    ["MailboxPoll"] = new JsonObject { ["Interval"] = "00:00:01" },
                    ["Outbox"] = new JsonObject { ["Interval"] = "00:00:01" },
                },
                ["Mailboxes"] = new JsonArray(SupportMailbox(folder, imapsPort, caFile)),
            },
        };
    }

    public string Root { get; }

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "mailticketing.db");

    public JsonObject Config { get; }

    public JsonObject Settings => Config["MailTicketing"]!.AsObject();

    public JsonObject Imap => Settings["Mailboxes"]![0]!["Imap"]!.AsObject();

    public Dictionary<string, string> Environment { get; } = new()
    {
        [ImapPasswordVariable] = MailServer.Password,
        [SmtpPasswordVariable] = MailServer.Password,
        [KeyVariable] = Convert.ToBase64String(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray()),
    };

    /// <summary>Acknowledgements leave over SMTP submission (STARTTLS, AUTH as support@) at <paramref name="port"/>, retried every second or two.</summary>
    public void UseSmtp(int port) => Settings["Smtp"] = new JsonObject
    {
        ["Host"] = MailServer.Host,
        ["Port"] = port,
        ["Security"] = "StartTls",
        ["User"] = MailServer.Staff("support"),
        ["PasswordVariable"] = SmtpPasswordVariable,
        ["CaFile"] = MailServer.CaFile,
        ["RetryInitialDelay"] = "00:00:01",
        ["RetryMaxDelay"] = "00:00:02",
        ["MaxAttempts"] = 100,
        ["Timeout"] = "00:00:10",
    };

    public string WriteConfig()
    {
        var path = Path.Combine(Root, "worker.json");
        File.WriteAllText(path, Config.ToJsonString());
        return path;
    }

    /// <summary>`run --once` to the end; returns the exit code and the process (log, output, peak memory).</summary>
    public async Task<(int Exit, WorkerProcess Process)> RunOnceAsync(TimeSpan? limit = null)
    {
        var process = WorkerProcess.Start(this, "run", "--once");
        var exit = await process.WaitAsync(limit ?? TimeSpan.FromMinutes(3));
        return (exit, process);
    }

    /// <summary>`status --json`, parsed, with its exit code (1 = unhealthy).</summary>
    public async Task<(int Exit, JsonObject Status)> StatusAsync()
    {
        var (exit, output, log) = await StatusRawAsync();
        Assert.True(output.Length > 0, $"status printed nothing (exit {exit}): {log}");
        return (exit, JsonNode.Parse(output)!.AsObject());
    }

    /// <summary>`status --json` as printed: exit code, standard output, log.</summary>
    public async Task<(int Exit, string Output, string Log)> StatusRawAsync()
    {
        await using var process = WorkerProcess.Start(this, "status", "--json");
        var exit = await process.WaitAsync(TimeSpan.FromSeconds(60));
        return (exit, process.Output, process.Log);
    }

    /// <summary>The job_runs view of `status --json` for a job (e.g. "MailboxPoll/support").</summary>
    public static JsonObject Job(JsonObject status, string name) =>
        status["jobs"]!.AsArray().Select(j => j!.AsObject()).Single(j => (string?)j["name"] == name);

    public long Count(string sql) => Scalar<long>(sql);

    public T Scalar<T>(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 30;
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>Counts that tell lost and duplicated mail apart: inbound ticket messages, distinct Message-IDs among them, quarantined.</summary>
    public (long Inbound, long DistinctIds, long Quarantined) Messages() => File.Exists(DatabasePath)
        ? (Count("SELECT COUNT(*) FROM messages WHERE direction = 'Inbound'"),
           Count("SELECT COUNT(DISTINCT message_id) FROM messages WHERE direction = 'Inbound'"),
           Count("SELECT COUNT(*) FROM quarantine"))
        : (0, 0, 0);

    /// <summary>The IMAP checkpoint's last UID, or 0 when there is none.</summary>
    public long CheckpointUid() => File.Exists(DatabasePath) ? Count("SELECT COALESCE(MAX(last_uid), 0) FROM imap_checkpoints") : 0;

    /// <summary>
    /// A read beside a running worker: <paramref name="whileCreating"/> until the worker has
    /// created its database and tables.
    /// </summary>
    public static T ReadWhileRunning<T>(Func<T> read, T whileCreating)
    {
        try
        {
            return read();
        }
        catch (SqliteException)
        {
            return whileCreating;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A mount or a file still open; the temp folder is cleaned later.
        }
    }

    /// <summary>The support mailbox on the given Dovecot, with a command timeout that a restarted server cannot stretch.</summary>
    private static JsonObject SupportMailbox(string folder, int imapsPort, string? caFile)
    {
        var mailbox = WorkerConfigJson.SupportMailbox(folder, ImapPasswordVariable, imapsPort);
        mailbox["Imap"]!["CommandTimeout"] = "00:00:30";
        if (caFile is not null)
        {
            mailbox["Imap"]!["CaFile"] = caFile;
        }

        return mailbox;
    }
}
