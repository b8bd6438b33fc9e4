using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Sla;
using static MailTicketing.Tickets.Tests.Sla.Calendars;

namespace MailTicketing.Tickets.Tests.Sla;

public sealed class SlaNoticePlannerTests
{
    private static readonly SlaPolicy Standard = new("standard", ShanghaiOffice(), TimeSpan.FromHours(4), TimeSpan.FromHours(16), 0.75, EscalateOnBreach: true, PauseWhileWaitingOnCustomer: true);

    private static readonly HashSet<string> None = [];

    private static SlaFacts Ticket(DateTimeOffset created, DateTimeOffset? replied = null, params StatusChange[] changes) =>
        new(7, created, replied, changes);

    /// <summary>Runs the planner every <paramref name="step"/> like a scheduled job, claiming what it returns.</summary>
    private static List<(DateTimeOffset RunAt, SlaNotice Notice)> Simulate(SlaPolicy policy, SlaFacts facts, DateTimeOffset from, DateTimeOffset to, TimeSpan step)
    {
        var sent = new HashSet<string>();
        var log = new List<(DateTimeOffset, SlaNotice)>();
        for (var now = from; now <= to; now += step)
        {
            foreach (var notice in SlaNoticePlanner.Due(policy, facts, sent, now))
            {
                Assert.True(sent.Add(notice.Key), $"{notice.Key} came twice");
                log.Add((now, notice));
            }
        }

        return log;
    }

    [Fact]
    public void Reminder_then_escalation_come_at_their_moments_across_business_hours()
    {
        var facts = Ticket(Sh(3, 11, 16));
        Assert.Empty(SlaNoticePlanner.Due(Standard, facts, None, Sh(3, 11, 17, 59)));
        Assert.Empty(SlaNoticePlanner.Due(Standard, facts, None, Sh(3, 12, 9, 59)));

        var reminder = Assert.Single(SlaNoticePlanner.Due(Standard, facts, None, Sh(3, 12, 10)));
        Assert.Equal("sla:7:first-response:reminder", reminder.Key);
        Assert.Equal(SlaNoticeKind.Reminder, reminder.Kind);
        Assert.Equal(TimeSpan.FromHours(1), reminder.Clock.Remaining);

        var breach = Assert.Single(SlaNoticePlanner.Due(Standard, facts, new HashSet<string> { reminder.Key }, Sh(3, 12, 11)));
        Assert.Equal("sla:7:first-response:breach", breach.Key);
        Assert.Equal(Sh(3, 12, 11), breach.Moment);
    }

    [Fact]
    public void Calling_again_with_the_keys_of_the_first_call_yields_nothing_new()
    {
        var facts = Ticket(Sh(3, 11, 16));
        var now = Sh(3, 14, 12);
        var first = SlaNoticePlanner.Due(Standard, facts, None, now);
        Assert.Equal(["sla:7:first-response:breach", "sla:7:resolution:breach"], first.Select(n => n.Key));
        Assert.Empty(SlaNoticePlanner.Due(Standard, facts, first.Select(n => n.Key).ToHashSet(), now));
        Assert.Empty(SlaNoticePlanner.Due(Standard, facts, first.Select(n => n.Key).ToHashSet(), now.AddDays(30)));
    }

    [Fact]
    public void A_job_every_five_minutes_sends_each_notice_once_within_one_run_of_its_moment()
    {
        var facts = Ticket(Sh(3, 14, 15));
        var log = Simulate(Standard, facts, Sh(3, 14, 15), Sh(3, 20, 0), TimeSpan.FromMinutes(5));

        Assert.Equal(
            [
                ("sla:7:first-response:reminder", Sh(3, 14, 18)),
                ("sla:7:first-response:breach", Sh(3, 17, 10)),
                ("sla:7:resolution:reminder", Sh(3, 18, 10)), // 12h: Friday 3, Monday 8, Tuesday 09-10
                ("sla:7:resolution:breach", Sh(3, 18, 15)), // 16h: ... Tuesday 13-15
            ],
            log.Select(l => (l.Notice.Key, l.Notice.Moment)));
        Assert.All(log, l => Assert.InRange(l.RunAt - l.Notice.Moment, TimeSpan.Zero, TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void Nothing_is_due_over_a_holiday_week()
    {
        // Tuesday 2025-09-30 16:00, then National Day week: the first-response reminder at 3h is
        // 18:00 the same day plus one hour on Wednesday 8 October.
        var log = Simulate(Standard, Ticket(Sh(9, 30, 16)), Sh(9, 30, 16), Sh(10, 8, 12), TimeSpan.FromMinutes(10));
        Assert.Equal(
            [("sla:7:first-response:reminder", Sh(10, 8, 10)), ("sla:7:first-response:breach", Sh(10, 8, 11))],
            log.Select(l => (l.Notice.Key, l.Notice.Moment)));
    }

    [Fact]
    public void Around_the_clock_targets_are_real_hours_across_a_spring_forward()
    {
        // New York, 24x7: Saturday 2025-03-08 22:00 EST + 8 real hours is Sunday 07:00 EDT (the clock skipped 02:00-03:00).
        var always = new SlaPolicy("critical", BusinessCalendar.AlwaysOpen("ny", NewYork), TimeSpan.FromHours(8), TimeSpan.FromHours(24), 0.75, true, true);
        var facts = Ticket(At(NewYork, 2025, 3, 8, 22));
        var log = Simulate(always, facts, At(NewYork, 2025, 3, 8, 22), At(NewYork, 2025, 3, 9, 8), TimeSpan.FromMinutes(1));
        Assert.Equal(
            [("sla:7:first-response:reminder", At(NewYork, 2025, 3, 9, 5)), ("sla:7:first-response:breach", At(NewYork, 2025, 3, 9, 7))],
            log.Select(l => (l.Notice.Key, l.Notice.Moment)));
    }

    [Fact]
    public void Around_the_clock_targets_are_real_hours_across_a_fall_back()
    {
        // Berlin, 24x7, Saturday 2025-10-25 22:00 CEST. 02:00-03:00 happens twice that night, so
        // 6 real hours later the clock reads 03:00 CET, and 8 hours later 05:00 CET.
        var always = new SlaPolicy("critical", BusinessCalendar.AlwaysOpen("berlin", Berlin), TimeSpan.FromHours(8), TimeSpan.FromHours(24), 0.75, true, true);
        var status = SlaEvaluator.Evaluate(always, Ticket(At(Berlin, 2025, 10, 25, 22)), At(Berlin, 2025, 10, 25, 23));
        Assert.Equal(At(Berlin, 2025, 10, 26, 3), status.FirstResponse.ReminderAt);
        Assert.Equal(At(Berlin, 2025, 10, 26, 5), status.FirstResponse.DueAt);
    }

    [Fact]
    public void After_downtime_past_a_reminder_the_reminder_is_still_sent()
    {
        var facts = Ticket(Sh(3, 11, 16));
        var late = Assert.Single(SlaNoticePlanner.Due(Standard, facts, None, Sh(3, 12, 10, 40)));
        Assert.Equal("sla:7:first-response:reminder", late.Key);
        Assert.Equal(Sh(3, 12, 10), late.Moment);
        Assert.Equal(TimeSpan.FromMinutes(20), late.Clock.Remaining);
    }

    [Fact]
    public void After_downtime_past_the_deadline_only_the_escalation_is_sent()
    {
        var facts = Ticket(Sh(3, 11, 16));
        var notice = Assert.Single(SlaNoticePlanner.Due(Standard, facts, None, Sh(3, 12, 11, 30)));
        Assert.Equal("sla:7:first-response:breach", notice.Key);
        Assert.Empty(SlaNoticePlanner.Due(Standard, facts, new HashSet<string> { notice.Key }, Sh(3, 12, 11, 35)));
    }

    [Fact]
    public void Without_escalation_a_late_reminder_is_sent_as_the_only_notice()
    {
        var quiet = Standard with { EscalateOnBreach = false };
        var facts = Ticket(Sh(3, 11, 16));
        var notice = Assert.Single(SlaNoticePlanner.Due(quiet, facts, None, Sh(3, 12, 11, 30)));
        Assert.Equal("sla:7:first-response:reminder", notice.Key);
        Assert.True(notice.Clock.Remaining < TimeSpan.Zero);
        var later = SlaNoticePlanner.Due(quiet, facts, new HashSet<string> { notice.Key }, Sh(3, 20, 0));
        Assert.Equal(["sla:7:resolution:reminder"], later.Select(n => n.Key));
    }

    [Fact]
    public void A_clock_that_stopped_during_downtime_sends_nothing()
    {
        // The reminder moment (Wed 10:00) passed unsent, then staff replied at 10:30; the worker is back at 12:00.
        var facts = Ticket(Sh(3, 11, 16), replied: Sh(3, 12, 10, 30));
        Assert.DoesNotContain(SlaNoticePlanner.Due(Standard, facts, None, Sh(3, 12, 12)), n => n.Key.Contains("first-response", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ticket_waiting_on_the_customer_gets_no_resolution_escalation_while_paused()
    {
        var facts = Ticket(Sh(3, 11, 9), Sh(3, 11, 10), new StatusChange(Sh(3, 11, 12), TicketStatus.WaitingOnCustomer));
        var log = Simulate(Standard, facts, Sh(3, 11, 9), Sh(3, 28, 0), TimeSpan.FromMinutes(30));
        Assert.Empty(log);
    }

    [Fact]
    public void No_reminders_when_the_policy_has_no_share()
    {
        var log = Simulate(Standard with { ReminderShare = null }, Ticket(Sh(3, 11, 16)), Sh(3, 11, 16), Sh(3, 12, 12), TimeSpan.FromMinutes(5));
        Assert.Equal(["sla:7:first-response:breach"], log.Select(l => l.Notice.Key));
    }
}
