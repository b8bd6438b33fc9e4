using System.Text.Json.Nodes;
using MailTicketing.Imap.Tests.Support;

namespace MailTicketing.Worker.Tests.Support;

/// <summary>Pieces of a worker's JSON configuration for tests that start `mailticketing run` as a process (also linked into Crash.Tests and Faults.Tests).</summary>
public static class WorkerConfigJson
{
    /// <summary>Polls, outbox and SLA sweep every second, follow-ups every 5 s: a test sees each step within seconds.</summary>
    public static JsonObject EverySecondSchedules() => new()
    {
        ["MailboxPoll"] = new JsonObject { ["Interval"] = "00:00:01" },
        ["Outbox"] = new JsonObject { ["Interval"] = "00:00:01" },
        ["Sla"] = new JsonObject { ["Interval"] = "00:00:01" },
        ["FollowUps"] = new JsonObject { ["Interval"] = "00:00:05" },
    };

    /// <summary>An SLA calendar named "always": every hour of every day counts, in UTC.</summary>
    public static JsonObject AlwaysOpenCalendar() => new()
    {
        ["Name"] = "always",
        ["TimeZone"] = "UTC",
        ["Hours"] = new JsonObject { ["Daily"] = "00:00-24:00" },
    };

    /// <summary>The support mailbox read over IMAPS from <paramref name="folder"/> of the test Dovecot (or the one on <paramref name="imapsPort"/>), its password in <paramref name="passwordVariable"/>.</summary>
    public static JsonObject SupportMailbox(string folder, string passwordVariable, int? imapsPort = null) => new()
    {
        ["Name"] = "support",
        ["Address"] = "support@exchange.example",
        ["TicketPrefix"] = "SUP",
        ["Imap"] = new JsonObject
        {
            ["Host"] = MailServer.Host,
            ["Port"] = imapsPort ?? MailServer.ImapsPort,
            ["Security"] = "ImplicitTls",
            ["User"] = MailServer.Staff("support"),
            ["PasswordVariable"] = passwordVariable,
            ["CaFile"] = MailServer.CaFile,
            ["Folder"] = folder,
        },
    };
}
