using System.Text.Json;
using MailTicketing.Tickets.Ports;
using MailTicketing.Worker.Cli;
using MailTicketing.Worker.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

namespace MailTicketing.Worker.Tests.Scheduling;

/// <summary>`status` on a database another worker wrote: what it says and its exit code.</summary>
public sealed class StatusCommandTests : IAsyncLifetime
{
    private const string Worker = "worker-1:4242:0a0b0c0d";
    private TicketingHarness _harness = null!;

    private DateTimeOffset Now => _harness.Clock.GetUtcNow();

    private ICoordinationStore Coordination => _harness.Services.Coordination;

    public async Task InitializeAsync() =>
        _harness = await TicketingHarness.StartAsync(options =>
        {
            // Two mailboxes read from Maildirs (the folders need not exist for `status`); compliance has no source.
            options.Mailboxes[0].Maildir = "maildir/support";
            options.Mailboxes[1].Maildir = "maildir/security";
        });

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_stale_mailbox_a_failing_job_and_an_old_unsent_message_are_shown_and_make_it_unhealthy()
    {
        await _harness.NewTicketAsync(new TestMail());
        _harness.Clock.Advance(TimeSpan.FromHours(2));
        await Record("MailboxPoll/support", Now.AddMinutes(-10), error: null, result: 3, backlog: 2);
        await Record("MailboxPoll/security", Now.AddSeconds(-4), error: null, result: 0, backlog: 0);
        await Record("Outbox", Now.AddSeconds(-25), error: null, result: 0);
        await Record("Outbox", Now.AddSeconds(-5), error: "SmtpException: 421 4.3.2 Service not available");
        await Coordination.TryAcquireLeaseAsync("security", Worker, Now.AddSeconds(-4), TimeSpan.FromMinutes(1), CancellationToken.None);

        var (exit, output) = await StatusAsync(json: false);

        Assert.Equal(1, exit);
        Assert.StartsWith("status: UNHEALTHY at 2024-03-18 11:00:00Z", output);
        Assert.Contains("  support   maildir  2024-03-18 10:50:00Z (10 min ago)  2        none", output);
        Assert.Contains($"  security  maildir  2024-03-18 10:59:56Z (4 s ago)     0        {Worker} until 2024-03-18 11:00:56Z", output);
        Assert.DoesNotContain("compliance", output);
        Assert.Contains("outbox: 1 unsent, the oldest queued 2 h ago; 0 retrying; 0 failed for good in the last 24 h", output);
        // One business hour of the standard policy's eight has gone (Monday 17:00–19:00 in Shanghai, office hours to 18:00).
        Assert.Contains("sla breaches: 0", output);
        Assert.Contains("  Outbox                10 s   2024-03-18 10:59:55Z (failed)  2024-03-18 10:59:35Z  2     1       2024-03-18 10:59:55Z SmtpException: 421 4.3.2 Service not available", output);
        Assert.Contains("  - mailbox support was last polled successfully 10 min ago (more than 3 × 10 s).", output);
        Assert.Contains("  - the oldest unsent message has waited 2 h (more than OutboxMaxAge, 1 h).", output);
        Assert.Contains("  - the outbox: the last 1 runs failed; last error: SmtpException: 421 4.3.2 Service not available", output);
        Assert.DoesNotContain("mailbox security was", output);
    }

    [Fact]
    public async Task Open_tickets_past_their_sla_target_are_counted_as_breaches()
    {
        await _harness.NewTicketAsync(new TestMail());
        await _harness.NewTicketAsync(new TestMail { From = "bob@example.com", Subject = "Login locked", Body = "I cannot log in." });
        _harness.Clock.Advance(TimeSpan.FromDays(2)); // far past the standard policy's 8 business hours to first response

        var (_, output) = await StatusAsync(json: false);

        Assert.Contains("sla breaches: 2", output);
    }

    [Fact]
    public async Task The_json_status_carries_the_same_facts()
    {
        await _harness.NewTicketAsync(new TestMail());
        _harness.Clock.Advance(TimeSpan.FromHours(2));
        await Record("MailboxPoll/support", Now.AddMinutes(-10), error: null, result: 3, backlog: 2);
        await Record("Outbox", Now.AddSeconds(-5), error: "SmtpException: 421 4.3.2 Service not available");

        var (exit, output) = await StatusAsync(json: true);

        Assert.Equal(1, exit);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal("unhealthy", root.GetProperty("status").GetString());
        var support = root.GetProperty("mailboxes")[0];
        Assert.Equal(("support", 2, "2024-03-18T10:50:00+00:00"), (support.GetProperty("name").GetString(), support.GetProperty("backlog").GetInt32(), support.GetProperty("lastSucceededAt").GetString()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("mailboxes")[1].GetProperty("lastSucceededAt").ValueKind);
        Assert.Equal((1, 7200L), (root.GetProperty("outbox").GetProperty("pending").GetInt32(), root.GetProperty("outbox").GetProperty("oldestPendingAgeSeconds").GetInt64()));
        Assert.Equal(0, root.GetProperty("slaBreaches").GetInt32());
        var outbox = root.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("name").GetString() == "Outbox");
        Assert.True(outbox.GetProperty("failing").GetBoolean());
        Assert.Equal("SmtpException: 421 4.3.2 Service not available", outbox.GetProperty("lastError").GetString());
        Assert.Contains(root.GetProperty("problems").EnumerateArray(), p => p.GetString() == "mailbox security has never been polled.");
    }

    [Fact]
    public async Task Fresh_polls_and_a_delivered_outbox_are_healthy_with_exit_code_0()
    {
        await _harness.NewTicketAsync(new TestMail());
        await _harness.Services.Sender.DeliverDueAsync(CancellationToken.None);
        _harness.Clock.Advance(TimeSpan.FromSeconds(30));
        await Record("MailboxPoll/support", Now.AddSeconds(-8), error: null, result: 1, backlog: 0);
        await Record("MailboxPoll/security", Now.AddSeconds(-3), error: null, result: 0, backlog: 0);
        await Record("Outbox", Now.AddSeconds(-2), error: null, result: 1);

        var (exit, output) = await StatusAsync(json: false);

        Assert.Equal(0, exit);
        Assert.StartsWith("status: HEALTHY", output);
        Assert.Contains("outbox: nothing unsent", output);
        Assert.DoesNotContain("problems", output);
        Assert.DoesNotContain("warnings", output);
    }

    [Fact]
    public async Task A_poll_that_failed_recently_after_a_recent_success_is_only_a_warning()
    {
        await Record("MailboxPoll/support", Now.AddSeconds(-12), error: null, result: 0, backlog: 0);
        await Record("MailboxPoll/support", Now.AddSeconds(-1), error: "ImapConnectionException: connection reset");
        await Record("MailboxPoll/security", Now.AddSeconds(-3), error: null, result: 0, backlog: 0);
        await Record("Outbox", Now.AddSeconds(-2), error: null, result: 0);

        var (exit, output) = await StatusAsync(json: false);

        Assert.Equal(0, exit);
        Assert.StartsWith("status: DEGRADED", output);
        Assert.Contains("  - mailbox support: the last 1 runs failed; last error: ImapConnectionException: connection reset", output);
    }

    private Task Record(string job, DateTimeOffset at, string? error, int? result = null, int? backlog = null) =>
        Coordination.RecordJobRunAsync(new JobRun(job, Worker, at, at, error, result, backlog), CancellationToken.None);

    private async Task<(int Exit, string Output)> StatusAsync(bool json)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()), Interactive = InteractionSupport.No });
        var context = new CommandContext(_harness.Services.Options, console, new StringWriter(), NullLoggerFactory.Instance, _harness.Clock);
        var exit = await StatusCommand.RunAsync(context, json, output, CancellationToken.None);
        return (exit, output.ToString());
    }
}
