using MailTicketing.Tickets.Configuration;
using MailTicketing.Tickets.FollowUps;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Ports;
using MailTicketing.Tickets.Security;

namespace MailTicketing.Tickets.Schedule;

/// <summary>
/// One pass of customer follow-ups: reminders to customers we wait for, and the closes after
/// silence (<see cref="FollowUpPlanner"/>). A close is taken only if the ticket still has the
/// status it was planned for, since the same moment: a reply that lands between planning and
/// claiming wins. Safe to run at any time, on any number of workers.
/// </summary>
public sealed class FollowUpSweep(IScheduleStore store, FollowUpSchedule schedule, TicketingOptions options, MessageIdSigner signer, string workerId)
{
    private readonly FollowUpNoticeComposer _composer = new(signer);

    /// <summary>Claims what is due at <paramref name="now"/>; returns how many actions it took.</summary>
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!schedule.Enabled)
        {
            return 0;
        }

        var taken = 0;
        await foreach (var ticket in OpenTickets.ReadAsync(store, cancellationToken))
        {
            if (ticket.Ticket.Status is not (TicketStatus.WaitingOnCustomer or TicketStatus.Resolved))
            {
                continue;
            }

            var facts = new FollowUpFacts(ticket.Ticket.Id, ticket.Ticket.Status, ticket.StatusSince);
            foreach (var action in FollowUpPlanner.Due(schedule, facts, ticket.ClaimedKeys, now))
            {
                if (await store.ClaimAsync(ClaimOrRecord(ticket, action, now), cancellationToken) == ClaimOutcome.Claimed)
                {
                    taken++;
                }
            }
        }

        return taken;
    }

    /// <summary>
    /// A notice that cannot be written (a stored value the strict writer refuses) is claimed
    /// without mail, the ticket still closed when due, with the reason on the ticket: one bad
    /// ticket never stops the sweep for the tickets behind it.
    /// </summary>
    private ScheduledClaim ClaimOrRecord(ScheduledTicket scheduled, FollowUpAction action, DateTimeOffset now)
    {
        try
        {
            return Claim(scheduled, action, now);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return new ScheduledClaim(
                action.Key, scheduled.Ticket.Id, workerId, now, "not written", EventKind(action), $"{action.Key}: the notice could not be written: {e.Message}",
                null, (action.ExpectedStatus, action.PeriodStart), action.CloseTicket ? TicketStatus.Closed : null);
        }
    }

    private static string EventKind(FollowUpAction action) => action.CloseTicket ? "auto-closed" : "followup-reminder";

    private ScheduledClaim Claim(ScheduledTicket scheduled, FollowUpAction action, DateTimeOffset now)
    {
        var ticket = scheduled.Ticket;
        var eventKind = EventKind(action);
        var headline = action.Kind switch
        {
            FollowUpActionKind.WaitingReminder => $"reminded {ticket.CustomerAddress}: waiting for their reply since {UtcText.Minutes(action.PeriodStart)}",
            FollowUpActionKind.WaitingAutoClose => $"closed: no reply from {ticket.CustomerAddress} since {UtcText.Minutes(action.PeriodStart)}",
            _ => $"closed: resolved since {UtcText.Minutes(action.PeriodStart)} and no reply",
        };
        var newStatus = action.CloseTicket ? TicketStatus.Closed : (TicketStatus?)null;
        var expected = (action.ExpectedStatus, action.PeriodStart);
        var mailbox = options.FindMailbox(ticket.Mailbox);
        string? unsent = !action.NotifyCustomer ? null
            : scheduled.CustomerSuppressed ? $"{ticket.CustomerAddress} bounced permanently"
            : mailbox is null ? $"mailbox {ticket.Mailbox} is no longer configured"
            : null;
        if (!action.NotifyCustomer || unsent is not null || mailbox is null)
        {
            var detail = unsent is null ? headline : $"{headline}; no mail: {unsent}";
            return new ScheduledClaim(action.Key, ticket.Id, workerId, now, action.CloseTicket ? "closed" : "skipped", eventKind, detail, null, expected, newStatus);
        }

        var composed = _composer.Compose(new FollowUpNoticeRequest(
            action, ticket.Number, mailbox, options.CompanyName, ticket.CustomerAddress, scheduled.CustomerName, ticket.Subject,
            scheduled.LastMessageId, scheduled.FirstMessageId is { } first ? [first] : [], ticket.Language,
            schedule.Calendar?.TimeZone ?? TimeZoneInfo.Utc, now));
        var mail = new ScheduledMail(
            ticket.Mailbox, MessageKind.FollowUp, mailbox.Address, composed.Recipient, composed.MessageId,
            scheduled.LastMessageId, composed.Subject, composed.Text, composed.Raw);
        return new ScheduledClaim(action.Key, ticket.Id, workerId, now, action.CloseTicket ? "closed, notice queued" : "queued", eventKind, headline, mail, expected, newStatus);
    }
}
