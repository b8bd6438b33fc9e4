using MailTicketing.Tickets.FollowUps;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Sla;
using MailTicketing.Worker.Configuration;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Worker.Tests.Schedule;

/// <summary>
/// The SLA and follow-up sweeps as the worker composes them, on SQLite, with a hand-moved clock.
/// Calendar: UTC, Mon–Fri 09:00–17:00, Tuesday 2024-03-19 a holiday. The harness starts on
/// Monday 2024-03-18 09:00Z, so a 4 h first-response target falls due Monday 13:00 (reminder at
/// 75%: 12:00) and a 16 h resolution target on Wednesday 17:00 (reminder 13:00), skipping Tuesday.
/// </summary>
public sealed class ScheduleSweepTests
{
    private const string Team = "team@exchange.example";

    private static void Configure(WorkerOptions options)
    {
        options.StaffDomains = ["exchange.example"];
        options.Sla = new SlaOptions
        {
            Calendars =
            [
                new()
                {
                    Name = "ops",
                    TimeZone = "UTC",
                    Hours = new() { ["Mon-Fri"] = "09:00-17:00" },
                    Holidays = [new() { Date = "2024-03-19", Name = "test holiday" }],
                },
            ],
            Policies = [new() { Name = "ops", Calendar = "ops", FirstResponse = TimeSpan.FromHours(4), Resolution = TimeSpan.FromHours(16), ReminderShare = 0.75 }],
            DefaultPolicy = "ops",
            DefaultTeamAddress = Team,
        };
        options.FollowUps = new FollowUpOptions { ReminderAfter = TimeSpan.FromHours(48), CloseAfter = TimeSpan.FromDays(7), ResolvedCloseAfter = TimeSpan.FromDays(3) };
    }

    [Fact]
    public async Task Reminders_and_escalations_go_to_the_team_at_their_business_time_moments_once_each()
    {
        await using var harness = await TicketingHarness.StartAsync(Configure);
        var number = await harness.NewTicketAsync(new TestMail());
        var sent = new List<(DateTimeOffset At, string Subject)>();

        // Step through Monday to Wednesday evening a quarter hour at a time, sweeping twice per step.
        for (var at = TicketingHarness.Start; at <= TicketingHarness.Start.AddDays(2).AddHours(9); at = at.AddMinutes(15))
        {
            harness.Clock.Advance(at - harness.Clock.GetUtcNow());
            await SweepAsync(harness);
            await SweepAsync(harness);
            foreach (var notice in await TeamNoticesAsync(harness, number))
            {
                if (!sent.Any(s => s.Subject == notice))
                {
                    sent.Add((at, notice));
                }
            }
        }

        Assert.Collection(
            sent,
            s => { Assert.Equal(At("2024-03-18T12:00Z"), s.At); Assert.Contains("SLA reminder: first response", s.Subject); },
            s => { Assert.Equal(At("2024-03-18T13:00Z"), s.At); Assert.Contains("SLA breached: first response", s.Subject); },
            s => { Assert.Equal(At("2024-03-20T13:00Z"), s.At); Assert.Contains("SLA reminder: resolution", s.Subject); },
            s => { Assert.Equal(At("2024-03-20T17:00Z"), s.At); Assert.Contains("SLA breached: resolution", s.Subject); });
        var outbox = (await harness.PendingOutboxAsync()).Where(o => o.Recipient == Team).ToList();
        Assert.Equal(4, outbox.Count);
        Assert.Equal(4, outbox.Select(o => o.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task A_staff_reply_to_the_customer_stops_the_first_response_clock_and_its_notices()
    {
        await using var harness = await TicketingHarness.StartAsync(Configure);
        var first = new TestMail();
        var number = await harness.NewTicketAsync(first);

        harness.Clock.Advance(TimeSpan.FromHours(2));
        var reply = await harness.IngestAsync(new TestMail
        {
            From = "Bob Agent <bob@exchange.example>",
            To = "alice@example.com",
            Cc = "support@exchange.example",
            Subject = "Re: Deposit not credited",
            InReplyTo = first.MessageId,
            Body = "Hello Alice, we are looking into it.",
        });
        Assert.Equal(number, reply.Ticket);

        harness.Clock.Advance(TimeSpan.FromHours(4));
        await SweepAsync(harness);
        var ticket = await harness.TicketAsync(number.ToString());
        Assert.Equal(TicketStatus.Submitted, ticket.Ticket.Status);
        Assert.Contains(ticket.Messages, m => m.Kind == MessageKind.StaffMail);
        Assert.Contains(ticket.Events, e => e.Kind == "first-response");
        Assert.DoesNotContain(await TeamNoticesAsync(harness, number), s => s.Contains("first response", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_mail_with_the_ticket_tag_joins_the_ticket_and_does_not_reopen_it_like_a_customer_reply()
    {
        await using var harness = await TicketingHarness.StartAsync(Configure);
        var number = await harness.NewTicketAsync(new TestMail());
        await harness.Services.Store.SetStatusAsync(number, TicketStatus.WaitingOnCustomer, "bob", harness.Clock.GetUtcNow(), CancellationToken.None);

        harness.Clock.Advance(TimeSpan.FromHours(1));
        var staff = await harness.IngestAsync(new TestMail
        {
            From = "Bob Agent <bob@exchange.example>",
            To = "alice@example.com",
            Cc = "support@exchange.example",
            Subject = $"{number.Tag} Re: Deposit not credited",
            MessageId = $"{Guid.NewGuid():N}@exchange.example",
            Body = "Alice, could you send the TxID?",
        });

        Assert.Equal(number, staff.Ticket);
        var ticket = await harness.TicketAsync(number.ToString());
        Assert.Equal(TicketStatus.WaitingOnCustomer, ticket.Ticket.Status);
        Assert.Equal(ThreadingReason.SubjectTag, ticket.Messages[^1].Reason);
    }

    [Fact]
    public async Task A_ticket_waiting_on_the_customer_is_reminded_after_48_hours_and_closed_with_a_notice_after_7_days()
    {
        await using var harness = await TicketingHarness.StartAsync(Configure);
        var number = await harness.NewTicketAsync(new TestMail());
        await harness.Services.Store.SetStatusAsync(number, TicketStatus.WaitingOnCustomer, "bob", harness.Clock.GetUtcNow(), CancellationToken.None);

        harness.Clock.Advance(TimeSpan.FromHours(47));
        Assert.Equal(0, await FollowUpsAsync(harness));
        harness.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await FollowUpsAsync(harness));
        Assert.Equal(0, await FollowUpsAsync(harness));

        harness.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(1, await FollowUpsAsync(harness));
        var ticket = await harness.TicketAsync(number.ToString());
        Assert.Equal(TicketStatus.Closed, ticket.Ticket.Status);
        var toCustomer = ticket.Messages.Where(m => m.Kind == MessageKind.FollowUp).ToList();
        Assert.Equal(2, toCustomer.Count);
        // The acknowledgement, the reminder and the closing notice, all to the customer.
        Assert.Equal(3, (await harness.PendingOutboxAsync()).Count(o => o.Recipient == "alice@example.com" && o.TicketNumber == number));
        Assert.Contains(ticket.Events, e => e.Kind == "followup-reminder");
        Assert.Contains(ticket.Events, e => e.Kind == "auto-closed");
        // Set waiting by a person: staff asked the customer something, so the first response was given.
        Assert.Contains(ticket.Events, e => e.Kind == "first-response");
    }

    [Fact]
    public async Task A_reminder_that_cannot_be_written_is_recorded_once_without_mail_and_the_tickets_behind_it_are_still_reminded()
    {
        await using var harness = await TicketingHarness.StartAsync(Configure);
        // A local part outside ASCII needs SMTPUTF8, which our writer does not produce.
        var unwritable = await harness.NewTicketAsync(new TestMail { From = "张三 <张三@example.com>", Subject = "提现没有到账" });
        var writable = await harness.NewTicketAsync(new TestMail { From = "Bob <bob@example.com>", Body = "My withdrawal of 2 ETH is missing." });
        foreach (var number in new[] { unwritable, writable })
        {
            await harness.Services.Store.SetStatusAsync(number, TicketStatus.WaitingOnCustomer, "agent", harness.Clock.GetUtcNow(), CancellationToken.None);
        }

        harness.Clock.Advance(TimeSpan.FromHours(48));
        Assert.Equal(2, await FollowUpsAsync(harness));
        Assert.Equal(0, await FollowUpsAsync(harness));

        var bad = await harness.TicketAsync(unwritable.ToString());
        Assert.DoesNotContain(bad.Messages, m => m.Kind == MessageKind.FollowUp);
        var recorded = Assert.Single(bad.Events, e => e.Kind == "followup-reminder");
        Assert.Contains("could not be written", recorded.Detail, StringComparison.Ordinal);
        var good = await harness.TicketAsync(writable.ToString());
        Assert.Single(good.Messages, m => m.Kind == MessageKind.FollowUp);
        // Its acknowledgement and the reminder.
        Assert.Equal(2, (await harness.PendingOutboxAsync()).Count(o => o.TicketNumber == writable && o.Recipient == "bob@example.com"));
    }

    [Fact]
    public async Task A_customer_reply_cancels_the_pending_reminder_and_close()
    {
        await using var harness = await TicketingHarness.StartAsync(Configure);
        var first = new TestMail();
        var number = await harness.NewTicketAsync(first);
        await harness.Services.Store.SetStatusAsync(number, TicketStatus.WaitingOnCustomer, "bob", harness.Clock.GetUtcNow(), CancellationToken.None);

        harness.Clock.Advance(TimeSpan.FromHours(30));
        await harness.IngestAsync(new TestMail { Subject = "Re: Deposit not credited", InReplyTo = first.MessageId, Body = "Here is the TxID you asked for." });

        harness.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(0, await FollowUpsAsync(harness));
        var ticket = await harness.TicketAsync(number.ToString());
        Assert.Equal(TicketStatus.InProgress, ticket.Ticket.Status);
        Assert.DoesNotContain(ticket.Messages, m => m.Kind == MessageKind.FollowUp);
    }

    [Fact]
    public async Task A_resolved_ticket_closes_quietly_after_its_quiet_period()
    {
        await using var harness = await TicketingHarness.StartAsync(Configure);
        var number = await harness.NewTicketAsync(new TestMail());
        await harness.Services.Store.SetStatusAsync(number, TicketStatus.Resolved, "bob", harness.Clock.GetUtcNow(), CancellationToken.None);

        harness.Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await FollowUpsAsync(harness));
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await FollowUpsAsync(harness));

        var ticket = await harness.TicketAsync(number.ToString());
        Assert.Equal(TicketStatus.Closed, ticket.Ticket.Status);
        Assert.DoesNotContain(ticket.Messages, m => m.Kind == MessageKind.FollowUp);
    }

    [Fact]
    public async Task Notices_more_than_a_day_late_are_recorded_on_the_ticket_but_not_mailed()
    {
        await using var harness = await TicketingHarness.StartAsync(Configure);
        var number = await harness.NewTicketAsync(new TestMail());

        // Thursday 09:00: the first-response breach (Monday 13:00) is days late, the resolution one (Wednesday 17:00) is not.
        harness.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(2, await harness.Services.Schedule.Sla.RunAsync(harness.Clock.GetUtcNow(), CancellationToken.None));

        var ticket = await harness.TicketAsync(number.ToString());
        Assert.Equal(2, ticket.Events.Count(e => e.Kind == "sla-breach"));
        Assert.Contains(ticket.Events, e => e.Kind == "sla-breach" && e.Detail.StartsWith("first response", StringComparison.Ordinal) && e.Detail.EndsWith("not sent: more than 24h late", StringComparison.Ordinal));
        Assert.Equal(["resolution"], (await TeamNoticesAsync(harness, number)).Select(s => s.Contains("first response", StringComparison.Ordinal) ? "first response" : "resolution"));
    }

    [Fact]
    public async Task Sweeps_racing_on_one_database_send_each_notice_once()
    {
        await using var harness = await TicketingHarness.StartAsync(options =>
        {
            Configure(options);
            options.Sla!.LateNoticeLimit = null;
        });
        var numbers = new List<TicketNumber>();
        for (var i = 0; i < 20; i++)
        {
            numbers.Add(await harness.NewTicketAsync(new TestMail { From = $"c{i}@example.com", Subject = $"Problem {i}", Body = $"Case {i}: withdrawal stuck." }));
        }

        harness.Clock.Advance(TimeSpan.FromDays(3));
        var schedule = harness.Services.Schedule;
        var now = harness.Clock.GetUtcNow();
        var taken = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => schedule.Sla.RunAsync(now, CancellationToken.None))));

        // Each ticket: both targets breached long ago; the breach supersedes the reminders.
        Assert.Equal(40, taken.Sum());
        var outbox = (await harness.PendingOutboxAsync()).Where(o => o.Recipient == Team).ToList();
        Assert.Equal(40, outbox.Count);
        Assert.Equal(0, await schedule.Sla.RunAsync(now, CancellationToken.None));
    }

    [Fact]
    public async Task Tickets_show_prints_the_business_time_left_and_the_due_moment_of_each_clock()
    {
        await using var harness = await TicketingHarness.StartAsync(Configure);
        var number = await harness.NewTicketAsync(new TestMail());
        harness.Clock.Advance(TimeSpan.FromHours(9)); // Monday 18:00: 8 business hours of Monday gone

        var schedule = await harness.Services.Schedule.Store.GetTicketsAsync([(await harness.TicketAsync(number.ToString())).Ticket.Id], CancellationToken.None);
        var sla = Tickets.Schedule.SlaReport.Evaluate(harness.Services.Schedule.Catalog, Assert.Single(schedule), harness.Clock.GetUtcNow());
        using var writer = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(writer) });
        console.Profile.Width = 1000;
        Worker.Cli.TicketView.Write(console, await harness.TicketAsync(number.ToString()), sla);

        Assert.Contains("sla ops: first response overdue 4h (due 2024-03-18 13:00:00Z), resolution 8h left (due 2024-03-20 17:00:00Z)", writer.ToString(), StringComparison.Ordinal);
    }

    private static async Task SweepAsync(TicketingHarness harness)
    {
        var now = harness.Clock.GetUtcNow();
        await harness.Services.Schedule.Sla.RunAsync(now, CancellationToken.None);
        await harness.Services.Schedule.FollowUps.RunAsync(now, CancellationToken.None);
    }

    private static Task<int> FollowUpsAsync(TicketingHarness harness) =>
        harness.Services.Schedule.FollowUps.RunAsync(harness.Clock.GetUtcNow(), CancellationToken.None);

    private static async Task<IReadOnlyList<string>> TeamNoticesAsync(TicketingHarness harness, TicketNumber number)
    {
        var ticket = await harness.TicketAsync(number.ToString());
        return [.. ticket.Messages.Where(m => m.Kind == MessageKind.SlaNotice).Select(m => m.Subject)];
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
