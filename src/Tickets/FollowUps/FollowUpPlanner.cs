using System.Globalization;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.FollowUps;

/// <summary>
/// Which follow-ups are due at a given now and not yet done: a pure function of the ticket's
/// status, the keys already claimed, and now. A follow-up whose moment passed while no worker
/// ran is still due (catch-up), except that a reminder whose close is also due is dropped: a
/// "we will close this soon" mail followed at once by "closed" helps no one.
/// </summary>
public static class FollowUpPlanner
{
    public static IReadOnlyList<FollowUpAction> Due(FollowUpSchedule schedule, FollowUpFacts facts, IReadOnlySet<string> sentKeys, DateTimeOffset now)
    {
        if (!schedule.Enabled)
        {
            return [];
        }

        var due = new List<FollowUpAction>();
        var since = facts.StatusSince;
        switch (facts.Status)
        {
            case TicketStatus.WaitingOnCustomer:
                var closeAt = schedule.After(since, schedule.CloseAfter);
                if (closeAt <= now)
                {
                    Add(due, sentKeys, new FollowUpAction(Key(facts, "waiting", "close"), facts.TicketId, FollowUpActionKind.WaitingAutoClose, closeAt, facts.Status, since, CloseTicket: true, NotifyCustomer: true, null));
                }
                else if (schedule.ReminderAfter is { } reminderAfter && schedule.After(since, reminderAfter) is var remindAt && remindAt <= now)
                {
                    Add(due, sentKeys, new FollowUpAction(Key(facts, "waiting", "reminder"), facts.TicketId, FollowUpActionKind.WaitingReminder, remindAt, facts.Status, since, CloseTicket: false, NotifyCustomer: true, closeAt));
                }

                break;

            case TicketStatus.Resolved when schedule.ResolvedCloseAfter is { } quiet:
                var quietEnd = schedule.After(since, quiet);
                if (quietEnd <= now)
                {
                    Add(due, sentKeys, new FollowUpAction(Key(facts, "resolved", "close"), facts.TicketId, FollowUpActionKind.ResolvedAutoClose, quietEnd, facts.Status, since, CloseTicket: true, schedule.NotifyOnResolvedClose, null));
                }

                break;
        }

        return due;
    }

    /// <summary>The key's period part is the start to the second in UTC: stable across databases that store sub-seconds differently.</summary>
    private static string Key(FollowUpFacts facts, string period, string step) =>
        $"followup:{facts.TicketId.ToString(CultureInfo.InvariantCulture)}:{period}:{facts.StatusSince.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}:{step}";

    private static void Add(List<FollowUpAction> due, IReadOnlySet<string> sentKeys, FollowUpAction action)
    {
        if (!sentKeys.Contains(action.Key))
        {
            due.Add(action);
        }
    }
}
