using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MailTicketing.Tickets.Model;
using MailTicketing.Worker.Json;
using MailTicketing.Worker.Scheduling;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MailTicketing.Worker.Cli;

/// <summary>
/// `status [--json]`: what the workers of this database are doing, read from the database (it
/// works while `run` runs elsewhere): per mailbox the last good poll, backlog and lease holder;
/// the outbox; every job's last run and error; SLA breaches; and the verdict
/// (<see cref="StatusEvaluator"/>). Exit code 0 when healthy or degraded, 1 when unhealthy.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var json = new Option<bool>("--json") { Description = "Print the status as JSON." };
        var command = new Command("status", "Show mailbox polls, leases, the outbox, job errors and the health verdict; exit 1 when unhealthy.") { json };
        command.SetAction((result, token) => RunAsync(context(result), result.GetValue(json), Console.Out, token));
        return command;
    }

    internal static async Task<int> RunAsync(CommandContext context, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        await using var services = await context.CreateServicesAsync(cancellationToken);
        var report = await StatusReader.ReadAsync(services, context.Clock.GetUtcNow(), cancellationToken);
        if (json)
        {
            WriteJson(report, output);
        }
        else
        {
            WriteText(report, output);
        }

        return report.Verdict == HealthStatus.Unhealthy ? 1 : 0;
    }

    internal static void WriteText(StatusReport report, TextWriter output)
    {
        var now = report.Now;
        output.WriteLine($"status: {Verdict(report.Verdict).ToUpperInvariant()} at {Time(now)}");
        output.WriteLine();
        output.WriteLine("mailboxes");
        WriteColumns(output, ["mailbox", "source", "last good poll", "backlog", "lease"], report.Mailboxes.Select(m => new[]
        {
            m.Name,
            m.Source,
            m.LastSucceededAt is { } at ? $"{Time(at)} ({Ago(now, at)})" : "never",
            m.Backlog?.ToString(CultureInfo.InvariantCulture) ?? "-",
            m.Lease is not { } lease ? "none" : lease.IsLive(now) ? $"{lease.Owner} until {Time(lease.ExpiresAt)}" : $"{lease.Owner} (expired {Time(lease.ExpiresAt)})",
        }));
        output.WriteLine();

        var outbox = report.Outbox.Backlog;
        output.WriteLine(outbox.Pending == 0
            ? "outbox: nothing unsent"
            : $"outbox: {N(outbox.Pending)} unsent, the oldest queued {StatusEvaluator.Describe(report.Outbox.OldestPendingAge!.Value)} ago; {N(outbox.Retrying)} retrying; {N(outbox.Failed)} failed for good in the last {StatusEvaluator.Describe(StatusEvaluator.FailedWindow)}");
        output.WriteLine($"sla breaches: {(report.SlaBreaches is { } breaches ? N(breaches) : "n/a (not evaluated yet)")}");
        output.WriteLine();

        output.WriteLine("jobs");
        WriteColumns(output, ["job", "every", "last run", "last success", "runs", "failed", "last error"], report.Jobs.Select(j => new[]
        {
            j.Name,
            StatusEvaluator.Describe(j.Period),
            j.Run is { } run ? $"{Time(run.LastFinishedAt)} ({(run.Failing ? "failed" : "ok")})" : "never",
            j.Run?.LastSucceededAt is { } ok ? Time(ok) : "never",
            j.Run?.Runs.ToString(CultureInfo.InvariantCulture) ?? "0",
            j.Run?.Failures.ToString(CultureInfo.InvariantCulture) ?? "0",
            j.Run?.LastError is { } error ? $"{Time(j.Run.LastFailedAt!.Value)} {error}" : "-",
        }));

        foreach (var (title, lines) in new[] { ("problems", report.Problems), ("warnings", report.Warnings) })
        {
            if (lines.Count > 0)
            {
                output.WriteLine();
                output.WriteLine(title);
                foreach (var line in lines)
                {
                    output.WriteLine($"  - {line}");
                }
            }
        }
    }

    internal static void WriteJson(StatusReport report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOutput.Options))
        {
            json.WriteStartObject();
            json.WriteString("status", Verdict(report.Verdict));
            json.WriteString("at", report.Now);
            json.WriteStartArray("mailboxes");
            foreach (var mailbox in report.Mailboxes)
            {
                json.WriteStartObject();
                json.WriteString("name", mailbox.Name);
                json.WriteString("source", mailbox.Source);
                json.WriteString("job", mailbox.Job);
                WriteTime(json, "lastSucceededAt", mailbox.LastSucceededAt);
                WriteNumber(json, "backlog", mailbox.Backlog);
                json.WriteNumber("expectedPeriodSeconds", (long)mailbox.ExpectedPeriod.TotalSeconds);
                if (mailbox.Lease is { } lease)
                {
                    json.WriteStartObject("lease");
                    json.WriteString("owner", lease.Owner);
                    json.WriteString("acquiredAt", lease.AcquiredAt);
                    json.WriteString("expiresAt", lease.ExpiresAt);
                    json.WriteBoolean("live", lease.IsLive(report.Now));
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("lease");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            var outbox = report.Outbox;
            json.WriteStartObject("outbox");
            json.WriteNumber("pending", outbox.Backlog.Pending);
            WriteTime(json, "oldestPendingAt", outbox.Backlog.OldestPendingAt);
            WriteNumber(json, "oldestPendingAgeSeconds", outbox.OldestPendingAge is { } age ? (long)age.TotalSeconds : null);
            json.WriteNumber("retrying", outbox.Backlog.Retrying);
            json.WriteNumber("failedLastDay", outbox.Backlog.Failed);
            json.WriteNumber("maxAgeSeconds", (long)outbox.MaxAge.TotalSeconds);
            json.WriteEndObject();
            WriteNumber(json, "slaBreaches", report.SlaBreaches);
            json.WriteStartArray("jobs");
            foreach (var job in report.Jobs)
            {
                json.WriteStartObject();
                json.WriteString("name", job.Name);
                json.WriteNumber("periodSeconds", (long)job.Period.TotalSeconds);
                var run = job.Run;
                WriteTime(json, "lastStartedAt", run?.LastStartedAt);
                WriteTime(json, "lastFinishedAt", run?.LastFinishedAt);
                WriteTime(json, "lastSucceededAt", run?.LastSucceededAt);
                WriteTime(json, "lastFailedAt", run?.LastFailedAt);
                json.WriteString("lastError", run?.LastError);
                WriteNumber(json, "lastResult", run?.LastResult);
                json.WriteBoolean("failing", run?.Failing ?? false);
                json.WriteNumber("runs", run?.Runs ?? 0);
                json.WriteNumber("failures", run?.Failures ?? 0);
                json.WriteString("lastOwner", run?.LastOwner);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStringArray("problems", report.Problems);
            json.WriteStringArray("warnings", report.Warnings);
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string Verdict(HealthStatus verdict) => verdict switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };

    private static void WriteColumns(TextWriter output, string[] header, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        var widths = header.Select((_, i) => all.Max(row => row[i].Length)).ToArray();
        foreach (var row in all)
        {
            // The last column (lease, error) is left unpadded: it may be long.
            output.WriteLine("  " + string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } at)
        {
            json.WriteString(name, at);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Time(DateTimeOffset at) => UtcText.Seconds(at);

    private static string Ago(DateTimeOffset now, DateTimeOffset at) => $"{StatusEvaluator.Describe(now - at)} ago";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
