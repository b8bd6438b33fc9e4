using System.Text.Json;
using MailTicketing.Storage;
using MailTicketing.Tickets.Model;
using MailTicketing.Worker.Cli;
using MailTicketing.Worker.Configuration;
using MailTicketing.Worker.Scheduling;
using MailTicketing.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

namespace MailTicketing.Worker.Tests.Scheduling;

/// <summary>`run` under the Quartz host on the sample Maildirs with one-second schedules, stopped by cancellation.</summary>
public sealed class RunHostTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("mt-run-host-").FullName;

    [Fact]
    public async Task Run_reads_every_sample_mailbox_delivers_the_acknowledgements_runs_the_sweeps_and_stops_cleanly_when_cancelled()
    {
        var options = Options();
        var sla = new CountingSweep(JobSchedules.Sla, TimeSpan.Zero);
        var context = new CommandContext(options, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) }), new StringWriter(), NullLoggerFactory.Instance, TimeProvider.System);
        using var stop = new CancellationTokenSource();

        var run = RunCommand.RunAsync(context, once: false, stop.Token, services => services.AddSingleton<IScheduledSweep>(sla));

        await using var database = new SqliteDatabase(new SqliteDatabaseOptions { Path = options.DatabasePath });
        var done = await CountingSweep.EventuallyAsync(
            async () =>
            {
                if (run.IsCompleted || !File.Exists(options.DatabasePath))
                {
                    return run.IsCompleted;
                }

                var runs = await database.CreateCoordinationStore().ListJobRunsAsync(CancellationToken.None);
                var pending = await database.CreateTicketStore().GetDueOutboxAsync(DateTimeOffset.UtcNow.AddYears(1), 10, CancellationToken.None);
                return runs.Count(r => r.Job.StartsWith("MailboxPoll/", StringComparison.Ordinal) && r.LastSucceededAt is not null && r.Backlog == 0) == 3
                    && runs.Any(r => r.Job == "Outbox" && r.LastSucceededAt > runs.Where(m => m.Job.StartsWith("MailboxPoll/", StringComparison.Ordinal)).Max(m => m.LastSucceededAt))
                    && pending.Count == 0
                    && sla.Runs > 0;
            },
            TimeSpan.FromSeconds(60));

        Assert.False(run.IsCompleted, run.IsFaulted ? run.Exception!.ToString() : "run ended by itself");
        Assert.True(done, "the three mailboxes, the outbox and the SLA sweep did not all run within a minute");
        var tickets = await database.CreateTicketStore().ListTicketsAsync(new TicketQuery(Limit: 1000), CancellationToken.None);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "samples.expected.json")));
        Assert.Equal(expected.RootElement.GetProperty("tickets").GetArrayLength(), tickets.Count);
        Assert.Equal(expected.RootElement.GetProperty("acknowledgementsWritten").GetInt32(), Directory.GetFiles(options.PickupPath, "*.eml").Length);

        await stop.CancelAsync();
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.Same(run, finished);
        Assert.Equal(0, await run);
        Assert.Empty(await database.CreateCoordinationStore().ListLeasesAsync(CancellationToken.None));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle still closing; the temp folder is cleaned anyway.
        }
    }

    private WorkerOptions Options()
    {
        var mailboxes = WorkerOptions.DefaultMailboxes();
        foreach (var mailbox in mailboxes)
        {
            mailbox.Maildir = Path.Combine(TestPaths.RepositoryRoot, mailbox.Maildir!);
        }

        return new WorkerOptions
        {
            DataDirectory = _data,
            Mailboxes = mailboxes,
            PollInterval = TimeSpan.FromSeconds(1),
            Schedules = new(StringComparer.OrdinalIgnoreCase)
            {
                [JobSchedules.Outbox] = new ScheduleOptions { Interval = TimeSpan.FromSeconds(1) },
                [JobSchedules.Sla] = new ScheduleOptions { Interval = TimeSpan.FromSeconds(1) },
            },
        };
    }
}
