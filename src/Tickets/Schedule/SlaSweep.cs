using MailTicketing.Mime;
using MailTicketing.Tickets.Configuration;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Ports;
using MailTicketing.Tickets.Security;
using MailTicketing.Tickets.Sla;

namespace MailTicketing.Tickets.Schedule;

/// <summary>
/// One pass of SLA notices: for every open ticket with a policy, the reminders and breach
/// escalations that are due (<see cref="SlaNoticePlanner"/>), each claimed with its notice to the
/// queue's team. Safe to run at any time, as often as wanted, on any number of workers.
/// </summary>
public sealed class SlaSweep(IScheduleStore store, SlaCatalog catalog, TicketingOptions options, MessageIdSigner signer, string workerId)
{
    private readonly SlaNoticeComposer _composer = new(signer);

    /// <summary>Claims what is due at <paramref name="now"/>; returns how many notices it took (claimed by this call).</summary>
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var taken = 0;
        await foreach (var ticket in OpenTickets.ReadAsync(store, cancellationToken))
        {
            if (catalog.Resolve(ticket.SlaPolicy, ticket.Ticket.Priority) is not { } policy)
            {
                continue;
            }

            foreach (var notice in SlaNoticePlanner.Due(policy, ticket.SlaFacts, ticket.ClaimedKeys, now))
            {
                if (await store.ClaimAsync(ClaimOrRecord(ticket, policy, notice, now), cancellationToken) == ClaimOutcome.Claimed)
                {
                    taken++;
                }
            }
        }

        return taken;
    }

    /// <summary>
    /// A notice that cannot be written (a stored value the strict writer refuses) is claimed
    /// without mail and with the reason on the ticket: one bad ticket never stops the sweep for
    /// the tickets behind it, nor fails again at every run.
    /// </summary>
    private ScheduledClaim ClaimOrRecord(ScheduledTicket scheduled, SlaPolicy policy, SlaNotice notice, DateTimeOffset now)
    {
        try
        {
            return Claim(scheduled, policy, notice, now);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return new ScheduledClaim(notice.Key, scheduled.Ticket.Id, workerId, now, "not written", EventKind(notice), $"{notice.Key}: the notice could not be written: {e.Message}");
        }
    }

    private static string EventKind(SlaNotice notice) => notice.Kind == SlaNoticeKind.Breach ? "sla-breach" : "sla-reminder";

    private ScheduledClaim Claim(ScheduledTicket scheduled, SlaPolicy policy, SlaNotice notice, DateTimeOffset now)
    {
        var ticket = scheduled.Ticket;
        var what = notice.Clock.Kind == SlaClockKind.FirstResponse ? "first response" : "resolution";
        var due = notice.Clock.DueAt is { } at ? UtcText.Minutes(at) : "unknown";
        var eventKind = EventKind(notice);
        var headline = notice.Kind == SlaNoticeKind.Breach
            ? $"{what} target of policy {policy.Name} breached (due {due})"
            : $"{what} due {due} under policy {policy.Name}";

        var team = catalog.TeamAddressFor(ticket.Queue);
        var mailbox = options.FindMailbox(ticket.Mailbox);
        var late = catalog.LateNoticeLimit is { } limit && now - notice.Moment > limit;
        if (team is null || mailbox is null || late)
        {
            // Still claimed: the event shows the moment in the ticket's history, and a later
            // configuration change does not flood the team with old notices.
            var why = team is null ? $"no team address for queue {ticket.Queue}"
                : mailbox is null ? $"mailbox {ticket.Mailbox} is no longer configured"
                : $"more than {SlaDisplay.Duration(catalog.LateNoticeLimit!.Value)} late";
            return new ScheduledClaim(notice.Key, ticket.Id, workerId, now, why, eventKind, $"{headline}; not sent: {why}");
        }

        var composed = _composer.Compose(new SlaNoticeRequest(
            notice, policy, ticket.Number, ticket.Queue, ticket.Priority, ticket.Status, ticket.Subject, ticket.CustomerAddress,
            new MailboxAddress(mailbox.DisplayName, mailbox.Address), team, catalog.TeamLanguage, scheduled.FirstMessageId, now));
        var mail = new ScheduledMail(
            ticket.Mailbox, MessageKind.SlaNotice, mailbox.Address, composed.Recipient, composed.MessageId,
            scheduled.FirstMessageId, composed.Subject, composed.Text, composed.Raw);
        return new ScheduledClaim(notice.Key, ticket.Id, workerId, now, "queued", eventKind, $"{headline}; notice to {team}", mail);
    }
}
