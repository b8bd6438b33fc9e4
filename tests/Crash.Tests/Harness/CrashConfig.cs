using System.Globalization;
using System.Text.Json.Nodes;
using MailTicketing.Imap.Tests.Support;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Crash.Tests.Harness;

/// <summary>
/// The worker's settings for a crash run: one IMAP mailbox (the run's own folder of support@),
/// SMTP through the real Postfix submission port (STARTTLS, AUTH as support@, the test CA), a
/// SQLite file, jobs every second, one SLA reminder per ticket 15 s after its mail (mailed to
/// team@), and the hourly acknowledgement cap out of the way: three customers send hundreds of
/// problems each in minutes, and every one must be acknowledged.
/// </summary>
internal static class CrashConfig
{
    public const string ImapPasswordVariable = "MT_CRASH_IMAP_PASSWORD";
    public const string SmtpPasswordVariable = "MT_CRASH_SMTP_PASSWORD";
    public const string SigningKeyVariable = "MT_CRASH_SIGNING_KEY";
    public const string TeamAddress = "team@exchange.example";

    public static IReadOnlyDictionary<string, string> Environment(string signingKey) => new Dictionary<string, string>
    {
        [ImapPasswordVariable] = MailServer.Password,
        [SmtpPasswordVariable] = MailServer.Password,
        [SigningKeyVariable] = signingKey,
    };

    public static JsonObject Create(string dataDirectory, string database, string folder) => new()
    {
        ["Logging"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = "Information", ["Quartz"] = "Warning" } },
        ["MailTicketing"] = new JsonObject
        {
            ["DataDirectory"] = dataDirectory,
            ["Database"] = new JsonObject { ["Path"] = database },
            ["RulesFile"] = "",
            ["SigningKeyVariable"] = SigningKeyVariable,
            ["MaxAcknowledgementsPerSenderPerHour"] = 1_000_000,
            ["MailboxLease"] = "00:00:05",
            ["ImapIdleDuration"] = "00:00:30",
            ["Schedules"] = WorkerConfigJson.EverySecondSchedules(),
            ["Sla"] = new JsonObject
            {
                ["Calendars"] = new JsonArray(WorkerConfigJson.AlwaysOpenCalendar()),
                ["Policies"] = new JsonArray(new JsonObject
                {
                    ["Name"] = "crash",
                    ["Calendar"] = "always",
                    ["FirstResponse"] = "00:00:30",
                    ["Resolution"] = "30.00:00:00",
                    ["ReminderShare"] = 0.5,
                    ["EscalateOnBreach"] = false,
                }),
                ["DefaultPolicy"] = "crash",
                ["DefaultTeamAddress"] = TeamAddress,
            },
            ["Smtp"] = new JsonObject
            {
                ["Host"] = MailServer.Host,
                ["Port"] = int.Parse(System.Environment.GetEnvironmentVariable("MT_SMTP_PORT") ?? "587", CultureInfo.InvariantCulture),
                ["Security"] = "StartTls",
                ["User"] = MailServer.Staff("support"),
                ["PasswordVariable"] = SmtpPasswordVariable,
                ["CaFile"] = MailServer.CaFile,
                ["RetryInitialDelay"] = "00:00:02",
                ["RetryMaxDelay"] = "00:00:10",
                ["Timeout"] = "00:00:30",
            },
            ["Mailboxes"] = new JsonArray(WorkerConfigJson.SupportMailbox(folder, ImapPasswordVariable)),
        },
    };
}
