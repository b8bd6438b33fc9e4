using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Sla;
using static MailTicketing.Tickets.Tests.Sla.Calendars;

namespace MailTicketing.Tickets.Tests.Sla;

public sealed class SlaEvaluatorTests
{
    private static readonly SlaPolicy Standard = new("standard", ShanghaiOffice(), TimeSpan.FromHours(4), TimeSpan.FromHours(16), 0.75, EscalateOnBreach: true, PauseWhileWaitingOnCustomer: true);

    private static SlaFacts Ticket(DateTimeOffset created, DateTimeOffset? replied = null, params StatusChange[] changes) =>
        new(42, created, replied, changes);

    [Fact]
    public void Due_and_reminder_instants_follow_business_hours()
    {
        // Tuesday 16:00: 2h today, then Wednesday from 09:00.
        var status = SlaEvaluator.Evaluate(Standard, Ticket(Sh(3, 11, 16)), Sh(3, 11, 16, 30));
        Assert.Equal(Sh(3, 12, 10), status.FirstResponse.ReminderAt);
        Assert.Equal(Sh(3, 12, 11), status.FirstResponse.DueAt);
        Assert.Equal(Sh(3, 13, 13 + 3), status.Resolution.DueAt); // 2 + 8 (Wed) + 6 (Thu 9-12, 13-16)
        Assert.Equal(Sh(3, 13, 11), status.Resolution.ReminderAt); // 12h: 2 + 8 + 2 (Thu 9-11)
        Assert.Equal(TimeSpan.FromMinutes(30), status.FirstResponse.Elapsed);
        Assert.Equal(SlaClockState.Running, status.FirstResponse.State);
        Assert.False(status.FirstResponse.Breached);
    }

    [Fact]
    public void A_first_reply_stops_the_first_response_clock_in_time()
    {
        var status = SlaEvaluator.Evaluate(Standard, Ticket(Sh(3, 11, 16), replied: Sh(3, 12, 9, 30)), Sh(3, 14, 9));
        Assert.Equal(SlaClockState.Stopped, status.FirstResponse.State);
        Assert.Equal(TimeSpan.FromHours(2.5), status.FirstResponse.Elapsed);
        Assert.Null(status.FirstResponse.DueAt);
        Assert.False(status.FirstResponse.Breached);
        Assert.Equal("met", SlaDisplay.Describe(status.FirstResponse));
    }

    [Fact]
    public void A_reply_after_the_deadline_leaves_the_clock_breached_by_the_difference()
    {
        var status = SlaEvaluator.Evaluate(Standard, Ticket(Sh(3, 11, 16), replied: Sh(3, 12, 14)), Sh(3, 14, 9));
        Assert.True(status.FirstResponse.Breached);
        Assert.Equal(Sh(3, 12, 11), status.FirstResponse.DueAt);
        Assert.Equal("breached by 2h", SlaDisplay.Describe(status.FirstResponse));
    }

    [Fact]
    public void A_reply_at_the_very_deadline_is_in_time()
    {
        var status = SlaEvaluator.Evaluate(Standard, Ticket(Sh(3, 11, 16), replied: Sh(3, 12, 11)), Sh(3, 12, 12));
        Assert.False(status.FirstResponse.Breached);
    }

    [Fact]
    public void Waiting_on_the_customer_pauses_the_resolution_clock_and_shifts_its_deadline()
    {
        // Tuesday 09:00; waiting from Tuesday 12:00 to Thursday 13:00: 3h before, then Thursday 5h, Friday 8h.
        var facts = Ticket(Sh(3, 11, 9), Sh(3, 11, 10),
            new StatusChange(Sh(3, 11, 12), TicketStatus.WaitingOnCustomer),
            new StatusChange(Sh(3, 13, 13), TicketStatus.InProgress));

        var during = SlaEvaluator.Evaluate(Standard, facts, Sh(3, 12, 15));
        Assert.Equal(SlaClockState.Paused, during.Resolution.State);
        Assert.Equal(TimeSpan.FromHours(3), during.Resolution.Elapsed);
        Assert.Null(during.Resolution.DueAt);
        Assert.Equal("paused, 13h left", SlaDisplay.Describe(during.Resolution));

        var after = SlaEvaluator.Evaluate(Standard, facts, Sh(3, 13, 14));
        Assert.Equal(SlaClockState.Running, after.Resolution.State);
        Assert.Equal(Sh(3, 14, 18), after.Resolution.DueAt);
        Assert.Equal(Sh(3, 14, 14), after.Resolution.ReminderAt); // 12h: 3 + 5 + 4 (Fri 9-12, 13-14)
        Assert.Equal("12h left", SlaDisplay.Describe(after.Resolution));
    }

    [Fact]
    public void Without_pausing_waiting_time_counts()
    {
        var noPause = Standard with { PauseWhileWaitingOnCustomer = false };
        var facts = Ticket(Sh(3, 11, 9), Sh(3, 11, 10), new StatusChange(Sh(3, 11, 12), TicketStatus.WaitingOnCustomer));
        var status = SlaEvaluator.Evaluate(noPause, facts, Sh(3, 12, 15));
        Assert.Equal(SlaClockState.Running, status.Resolution.State);
        Assert.Equal(Sh(3, 12, 18), status.Resolution.DueAt);
    }

    [Fact]
    public void Resolving_stops_the_clock_and_reopening_resumes_it_without_counting_the_resolved_time()
    {
        var facts = Ticket(Sh(3, 11, 9), Sh(3, 11, 10),
            new StatusChange(Sh(3, 11, 15), TicketStatus.Resolved),
            new StatusChange(Sh(3, 12, 16), TicketStatus.Closed),
            new StatusChange(Sh(3, 17, 9), TicketStatus.InProgress));

        var resolved = SlaEvaluator.Evaluate(Standard, facts, Sh(3, 14, 9));
        Assert.Equal(SlaClockState.Stopped, resolved.Resolution.State);
        Assert.Equal(Sh(3, 11, 15), resolved.Resolution.StoppedAt);
        Assert.Equal(TimeSpan.FromHours(5), resolved.Resolution.Elapsed);
        Assert.Equal("met", SlaDisplay.Summary(resolved));

        var reopened = SlaEvaluator.Evaluate(Standard, facts, Sh(3, 17, 10));
        Assert.Equal(SlaClockState.Running, reopened.Resolution.State);
        Assert.Equal(TimeSpan.FromHours(6), reopened.Resolution.Elapsed);
        Assert.Equal(Sh(3, 18, 12), reopened.Resolution.DueAt); // 11h more: Mon 9-12,13-18 (8h), Tue 9-12
    }

    [Fact]
    public void Closing_without_a_reply_stops_the_first_response_clock()
    {
        var facts = Ticket(Sh(3, 11, 9), null, new StatusChange(Sh(3, 11, 10), TicketStatus.Closed));
        var status = SlaEvaluator.Evaluate(Standard, facts, Sh(3, 20, 9));
        Assert.Equal(SlaClockState.Stopped, status.FirstResponse.State);
        Assert.Equal(Sh(3, 11, 10), status.FirstResponse.StoppedAt);
        Assert.Equal("met", SlaDisplay.Summary(status));
    }

    [Fact]
    public void Facts_after_now_are_not_yet_known()
    {
        var facts = Ticket(Sh(3, 11, 9), Sh(3, 11, 12), new StatusChange(Sh(3, 11, 15), TicketStatus.Resolved));
        var early = SlaEvaluator.Evaluate(Standard, facts, Sh(3, 11, 10));
        Assert.Equal(SlaClockState.Running, early.FirstResponse.State);
        Assert.Equal(SlaClockState.Running, early.Resolution.State);
        Assert.Equal("response 3h left", SlaDisplay.Summary(early));
    }

    [Fact]
    public void Time_left_and_overdue_render_in_business_hours_and_minutes()
    {
        var facts = Ticket(Sh(3, 14, 15));
        Assert.Equal("response 2h 50m left", SlaDisplay.Summary(SlaEvaluator.Evaluate(Standard, facts, Sh(3, 14, 16, 10))));

        // Due Monday 10:00; the weekend does not count as overdue time.
        Assert.Equal("response overdue 45m", SlaDisplay.Summary(SlaEvaluator.Evaluate(Standard, facts, Sh(3, 17, 10, 45))));
        Assert.Equal("response 1h left", SlaDisplay.Summary(SlaEvaluator.Evaluate(Standard, facts, Sh(3, 16, 12))));

        var answered = facts with { FirstResponseAt = Sh(3, 14, 16) };
        Assert.Equal("resolution 15h left", SlaDisplay.Summary(SlaEvaluator.Evaluate(Standard, answered, Sh(3, 14, 16))));
    }

    [Theory]
    [InlineData(0, "<1m")]
    [InlineData(59, "<1m")]
    [InlineData(60, "1m")]
    [InlineData(3600, "1h")]
    [InlineData(3600 + 5 * 60 + 30, "1h 5m")]
    [InlineData(-(26 * 3600 + 60), "26h 1m")]
    public void Durations_are_hours_and_minutes(int seconds, string expected)
    {
        Assert.Equal(expected, SlaDisplay.Duration(TimeSpan.FromSeconds(seconds)));
    }
}
