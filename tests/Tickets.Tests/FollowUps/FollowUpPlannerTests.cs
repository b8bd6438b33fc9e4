using MailTicketing.Tickets.FollowUps;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Sla;
using static MailTicketing.Tickets.Tests.Sla.Calendars;

namespace MailTicketing.Tickets.Tests.FollowUps;

public sealed class FollowUpPlannerTests
{
    private static readonly FollowUpSchedule Wall = Create(new FollowUpOptions());

    private static readonly HashSet<string> None = [];

    private static FollowUpSchedule Create(FollowUpOptions options)
    {
        var calendars = new Dictionary<string, BusinessCalendar>(StringComparer.OrdinalIgnoreCase) { ["office"] = ShanghaiOffice() };
        Assert.True(FollowUpSchedule.TryCreate(options, calendars, out var schedule, out var errors), string.Join("\n", errors));
        return schedule;
    }

    private static FollowUpFacts Waiting(DateTimeOffset since) => new(42, TicketStatus.WaitingOnCustomer, since);

    [Fact]
    public void A_waiting_ticket_is_reminded_after_48_hours_and_closed_after_7_days()
    {
        var since = Sh(3, 11, 9, 15);
        Assert.Empty(FollowUpPlanner.Due(Wall, Waiting(since), None, since.AddHours(48).AddSeconds(-1)));

        var reminder = Assert.Single(FollowUpPlanner.Due(Wall, Waiting(since), None, since.AddHours(48)));
        Assert.Equal("followup:42:waiting:20250311T011500Z:reminder", reminder.Key);
        Assert.Equal(FollowUpActionKind.WaitingReminder, reminder.Kind);
        Assert.False(reminder.CloseTicket);
        Assert.Equal(since.AddDays(7), reminder.ClosesAt);

        var sent = new HashSet<string> { reminder.Key };
        Assert.Empty(FollowUpPlanner.Due(Wall, Waiting(since), sent, since.AddDays(7).AddSeconds(-1)));

        var close = Assert.Single(FollowUpPlanner.Due(Wall, Waiting(since), sent, since.AddDays(7)));
        Assert.Equal("followup:42:waiting:20250311T011500Z:close", close.Key);
        Assert.True(close.CloseTicket);
        Assert.True(close.NotifyCustomer);
        Assert.Equal(TicketStatus.WaitingOnCustomer, close.ExpectedStatus);
        Assert.Equal(since, close.PeriodStart);

        sent.Add(close.Key);
        Assert.Empty(FollowUpPlanner.Due(Wall, Waiting(since), sent, since.AddDays(30)));
    }

    [Fact]
    public void A_customer_reply_cancels_the_reminder_and_the_close()
    {
        var since = Sh(3, 11, 9);
        var replied = new FollowUpFacts(42, TicketStatus.InProgress, Sh(3, 12, 8));
        Assert.Empty(FollowUpPlanner.Due(Wall, replied, None, since.AddDays(8)));
    }

    [Fact]
    public void A_second_waiting_period_gets_fresh_follow_ups()
    {
        var first = Waiting(Sh(3, 11, 9));
        var firstReminder = Assert.Single(FollowUpPlanner.Due(Wall, first, None, Sh(3, 13, 9)));

        // The customer replied, staff asked again on the 14th: the first period's keys do not block the second's.
        var second = Waiting(Sh(3, 14, 10));
        var sent = new HashSet<string> { firstReminder.Key };
        var secondReminder = Assert.Single(FollowUpPlanner.Due(Wall, second, sent, Sh(3, 16, 10)));
        Assert.NotEqual(firstReminder.Key, secondReminder.Key);
        Assert.Equal(Sh(3, 16, 10), secondReminder.Moment);
    }

    [Fact]
    public void After_downtime_past_the_close_only_the_close_is_done()
    {
        var since = Sh(3, 11, 9);
        var action = Assert.Single(FollowUpPlanner.Due(Wall, Waiting(since), None, since.AddDays(9)));
        Assert.Equal(FollowUpActionKind.WaitingAutoClose, action.Kind);
        Assert.Equal(since.AddDays(7), action.Moment);
    }

    [Fact]
    public void After_downtime_past_only_the_reminder_it_is_still_sent()
    {
        var since = Sh(3, 11, 9);
        var action = Assert.Single(FollowUpPlanner.Due(Wall, Waiting(since), None, since.AddDays(4)));
        Assert.Equal(FollowUpActionKind.WaitingReminder, action.Kind);
        Assert.Equal(since.AddHours(48), action.Moment);
    }

    [Fact]
    public void Business_clock_delays_count_only_opening_hours()
    {
        // 16 business hours from Friday 17:00 in the office calendar: 1 + 8 (Mon) + 7 (Tue until 17:00).
        var business = Create(new FollowUpOptions { Clock = FollowUpClock.Business, Calendar = "office", ReminderAfter = TimeSpan.FromHours(16), CloseAfter = TimeSpan.FromHours(40) });
        var reminder = Assert.Single(FollowUpPlanner.Due(business, Waiting(Sh(3, 14, 17)), None, Sh(3, 18, 17)));
        Assert.Equal(Sh(3, 18, 17), reminder.Moment);
        Assert.Equal(Sh(3, 21, 17), reminder.ClosesAt);
        Assert.Empty(FollowUpPlanner.Due(business, Waiting(Sh(3, 14, 17)), None, Sh(3, 18, 16, 59)));
    }

    [Fact]
    public void A_resolved_ticket_closes_after_its_quiet_period_silently_by_default()
    {
        var resolved = new FollowUpFacts(42, TicketStatus.Resolved, Sh(3, 11, 9));
        Assert.Empty(FollowUpPlanner.Due(Wall, resolved, None, Sh(3, 18, 8, 59)));
        var close = Assert.Single(FollowUpPlanner.Due(Wall, resolved, None, Sh(3, 18, 9)));
        Assert.Equal("followup:42:resolved:20250311T010000Z:close", close.Key);
        Assert.Equal(FollowUpActionKind.ResolvedAutoClose, close.Kind);
        Assert.True(close.CloseTicket);
        Assert.False(close.NotifyCustomer);
        Assert.Equal(TicketStatus.Resolved, close.ExpectedStatus);

        var notifying = Create(new FollowUpOptions { NotifyOnResolvedClose = true, ResolvedCloseAfter = TimeSpan.FromDays(3) });
        Assert.True(Assert.Single(FollowUpPlanner.Due(notifying, resolved, None, Sh(3, 14, 9))).NotifyCustomer);
    }

    [Fact]
    public void Other_statuses_and_a_disabled_schedule_plan_nothing()
    {
        var old = Sh(1, 6, 9);
        foreach (var status in new[] { TicketStatus.Submitted, TicketStatus.InProgress, TicketStatus.Closed })
        {
            Assert.Empty(FollowUpPlanner.Due(Wall, new FollowUpFacts(42, status, old), None, Sh(6, 1, 0)));
        }

        Assert.Empty(FollowUpPlanner.Due(Create(new FollowUpOptions { Enabled = false }), Waiting(old), None, Sh(6, 1, 0)));
        Assert.Empty(FollowUpPlanner.Due(Create(new FollowUpOptions { ResolvedCloseAfter = null }), new FollowUpFacts(42, TicketStatus.Resolved, old), None, Sh(6, 1, 0)));
    }

    [Fact]
    public void Without_a_reminder_delay_only_the_close_comes()
    {
        var since = Sh(3, 11, 9);
        var noReminder = Create(new FollowUpOptions { ReminderAfter = null });
        Assert.Empty(FollowUpPlanner.Due(noReminder, Waiting(since), None, since.AddDays(6)));
        Assert.Equal(FollowUpActionKind.WaitingAutoClose, Assert.Single(FollowUpPlanner.Due(noReminder, Waiting(since), None, since.AddDays(7))).Kind);
    }

    [Fact]
    public void Bad_follow_up_settings_are_all_reported()
    {
        var calendars = new Dictionary<string, BusinessCalendar>();
        var options = new FollowUpOptions { ReminderAfter = TimeSpan.FromDays(8), CloseAfter = TimeSpan.FromDays(7), ResolvedCloseAfter = TimeSpan.Zero, Clock = FollowUpClock.Business, Calendar = "office" };
        Assert.False(FollowUpSchedule.TryCreate(options, calendars, out _, out var errors));
        Assert.Equal(3, errors.Count);
        Assert.StartsWith("MailTicketing:FollowUps:CloseAfter (7.00:00:00) must be later than ReminderAfter", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("MailTicketing:FollowUps:ResolvedCloseAfter must be positive", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("MailTicketing:FollowUps:Calendar 'office' is not among the calendars", errors[2], StringComparison.Ordinal);
    }
}
