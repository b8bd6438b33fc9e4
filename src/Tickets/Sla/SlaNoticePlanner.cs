namespace MailTicketing.Tickets.Sla;

/// <summary>
/// Which SLA notices are due at a given now and not yet sent: a pure function of the ticket's
/// facts, the keys already claimed, and now. Run it as often as you like; a notice whose moment
/// passed while no worker ran is still due at the next run (catch-up), with these decisions:
/// <list type="bullet">
/// <item>A reminder whose breach has also passed is superseded by the breach escalation and
/// never sent (a "75% gone" notice after the deadline only adds noise). Without breach
/// escalation in the policy, the late reminder is sent: it is then the team's only notice.</item>
/// <item>A stopped clock (first response sent, ticket resolved or closed) sends nothing, even
/// if a moment passed unsent before it stopped: the breach stays visible in the ticket's SLA
/// status, but telling the team to hurry on finished work is wrong.</item>
/// <item>A paused clock sends what became due before the pause; its deadline waits.</item>
/// <item>A reopened ticket's resolution clock resumes, but a notice already sent for it is
/// not sent again (the key is per ticket and clock).</item>
/// </list>
/// </summary>
public static class SlaNoticePlanner
{
    public static IReadOnlyList<SlaNotice> Due(SlaPolicy policy, SlaFacts facts, IReadOnlySet<string> sentKeys, DateTimeOffset now) =>
        Due(policy, facts.TicketId, SlaEvaluator.Evaluate(policy, facts, now), sentKeys);

    /// <summary>The same from an already computed status (as of its own now).</summary>
    public static IReadOnlyList<SlaNotice> Due(SlaPolicy policy, long ticketId, SlaStatus status, IReadOnlySet<string> sentKeys)
    {
        var due = new List<SlaNotice>();
        foreach (var clock in new[] { status.FirstResponse, status.Resolution })
        {
            if (clock.State == SlaClockState.Stopped)
            {
                continue;
            }

            var breached = policy.EscalateOnBreach && clock.DueAt is { } deadline && deadline <= status.At;
            if (breached)
            {
                Add(due, sentKeys, ticketId, clock, SlaNoticeKind.Breach, clock.DueAt!.Value);
            }
            else if (clock.ReminderAt is { } reminder && reminder <= status.At)
            {
                Add(due, sentKeys, ticketId, clock, SlaNoticeKind.Reminder, reminder);
            }
        }

        due.Sort((a, b) => a.Moment.CompareTo(b.Moment));
        return due;
    }

    private static void Add(List<SlaNotice> due, IReadOnlySet<string> sentKeys, long ticketId, SlaClock clock, SlaNoticeKind kind, DateTimeOffset moment)
    {
        var key = SlaNotice.KeyFor(ticketId, clock.Kind, kind);
        if (!sentKeys.Contains(key))
        {
            due.Add(new SlaNotice(key, ticketId, kind, moment, clock));
        }
    }
}
