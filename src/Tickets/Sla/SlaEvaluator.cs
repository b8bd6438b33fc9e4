using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.Sla;

/// <summary>
/// Computes a ticket's SLA clocks under a policy at a given now: pure, so a test drives it
/// with any clock. See <see cref="SlaPolicy"/> for when each clock runs, pauses and stops.
/// </summary>
public static class SlaEvaluator
{
    public static SlaStatus Evaluate(SlaPolicy policy, SlaFacts facts, DateTimeOffset now)
    {
        var history = History(facts, now);
        return new SlaStatus(
            policy.Name,
            now,
            Clock(policy, SlaClockKind.FirstResponse, FirstResponseSegments(facts, history, now), now),
            Clock(policy, SlaClockKind.Resolution, ResolutionSegments(policy, facts, history), now));
    }

    private static SlaClock Clock(SlaPolicy policy, SlaClockKind kind, Segments segments, DateTimeOffset now)
    {
        var calendar = policy.Calendar;
        var target = policy.TargetOf(kind);
        var elapsed = TimeSpan.Zero;
        foreach (var (start, end) in segments.Running)
        {
            var upTo = end ?? now;
            if (upTo > start)
            {
                elapsed += calendar.BusinessTimeBetween(start, upTo);
            }
        }

        DateTimeOffset? reminder = policy.ReminderShare is { } share ? Moment(calendar, segments, target * share) : null;
        return new SlaClock(kind, now, target, segments.State, elapsed, reminder, Moment(calendar, segments, target), segments.StoppedAt);
    }

    /// <summary>When the clock's business time reaches <paramref name="amount"/>; null if it paused or stopped first.</summary>
    private static DateTimeOffset? Moment(BusinessCalendar calendar, Segments segments, TimeSpan amount)
    {
        var left = amount;
        foreach (var (start, end) in segments.Running)
        {
            if (end is not { } stop)
            {
                return calendar.AddBusinessTime(start, left);
            }

            var inSegment = stop > start ? calendar.BusinessTimeBetween(start, stop) : TimeSpan.Zero;
            if (left <= inSegment)
            {
                return calendar.AddBusinessTime(start, left);
            }

            left -= inSegment;
        }

        return null;
    }

    private static Segments FirstResponseSegments(SlaFacts facts, List<StatusChange> history, DateTimeOffset now)
    {
        // Stops at the first reply, or when the ticket is resolved or closed without one (spam,
        // duplicates): from then on there is nothing to respond to.
        DateTimeOffset? stop = facts.FirstResponseAt is { } replied && replied <= now ? replied : null;
        foreach (var change in history)
        {
            if (change.Status is TicketStatus.Resolved or TicketStatus.Closed && (stop is null || change.At < stop))
            {
                stop = change.At;
                break;
            }
        }

        if (stop is { } at)
        {
            var end = at < facts.CreatedAt ? facts.CreatedAt : at;
            return new Segments([(facts.CreatedAt, end)], SlaClockState.Stopped, end);
        }

        return new Segments([(facts.CreatedAt, null)], SlaClockState.Running, null);
    }

    private static Segments ResolutionSegments(SlaPolicy policy, SlaFacts facts, List<StatusChange> history)
    {
        var running = new List<(DateTimeOffset, DateTimeOffset?)>();
        DateTimeOffset? runningSince = null;
        var state = SlaClockState.Running;
        DateTimeOffset? stoppedAt = null;
        foreach (var change in history)
        {
            var next = StateOf(change.Status, policy);
            if (next == SlaClockState.Running && runningSince is null)
            {
                runningSince = change.At;
            }
            else if (next != SlaClockState.Running && runningSince is { } since)
            {
                running.Add((since, change.At));
                runningSince = null;
            }

            // A reopened ticket resumes its clock; it stops again at the next resolution.
            if (next != SlaClockState.Stopped)
            {
                stoppedAt = null;
            }
            else if (state != SlaClockState.Stopped)
            {
                stoppedAt = change.At;
            }

            state = next;
        }

        if (runningSince is { } open)
        {
            running.Add((open, null));
        }

        return new Segments(running, state, stoppedAt);
    }

    private static SlaClockState StateOf(TicketStatus status, SlaPolicy policy) => status switch
    {
        TicketStatus.Resolved or TicketStatus.Closed => SlaClockState.Stopped,
        TicketStatus.WaitingOnCustomer when policy.PauseWhileWaitingOnCustomer => SlaClockState.Paused,
        _ => SlaClockState.Running,
    };

    /// <summary>The status history up to now, oldest first, starting with Submitted at creation.</summary>
    private static List<StatusChange> History(SlaFacts facts, DateTimeOffset now)
    {
        var history = new List<StatusChange> { new(facts.CreatedAt, TicketStatus.Submitted) };
        history.AddRange(facts.StatusChanges
            .Where(c => c.At <= now)
            .Select(c => c.At < facts.CreatedAt ? c with { At = facts.CreatedAt } : c)
            .OrderBy(c => c.At));
        return history;
    }

    private sealed record Segments(IReadOnlyList<(DateTimeOffset Start, DateTimeOffset? End)> Running, SlaClockState State, DateTimeOffset? StoppedAt);
}
