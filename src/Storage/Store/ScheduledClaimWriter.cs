using MailTicketing.Storage.Dialects;
using MailTicketing.Storage.Repositories;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Ports;

namespace MailTicketing.Storage.Store;

/// <summary>
/// Writes one scheduled action inside the caller's write transaction: guard, claim, notice
/// (message row + outbox row), status change, event. The caller commits only on
/// <see cref="ClaimOutcome.Claimed"/>, so a refused claim leaves nothing behind.
/// </summary>
internal static class ScheduledClaimWriter
{
    public static async Task<ClaimOutcome> WriteAsync(SqlContext sql, ScheduledClaim claim)
    {
        var schedule = new ScheduleRepository(sql);
        if (claim.Expected is { } expected)
        {
            // Times compare at the stored precision (milliseconds).
            if (await schedule.StatusAsync(claim.TicketId) is not { } current
                || current.Status != expected.Status
                || UnixTime.ToMs(current.Since) != UnixTime.ToMs(expected.Since))
            {
                return ClaimOutcome.Stale;
            }
        }

        if (!await schedule.TryInsertClaimAsync(claim))
        {
            return ClaimOutcome.AlreadyClaimed;
        }

        var links = new TicketLinkRepository(sql);
        if (claim.Mail is { } mail)
        {
            var rowId = await new MessageRepository(sql).InsertAsync(new NewMessage(
                claim.TicketId, mail.Mailbox, MessageDirection.Outbound, mail.Kind, mail.MessageId, mail.InReplyTo,
                mail.FromAddress, null, [mail.Recipient], mail.Subject, claim.At, ThreadingReason.Scheduled, claim.Key,
                mail.Text, null, mail.Raw.Length, 0, []));
            var outboxId = await new OutboxRepository(sql).EnqueueAsync(new OutboxItem(claim.TicketId, rowId, mail.Recipient, mail.MessageId, mail.Raw, claim.At));
            await schedule.LinkOutboxAsync(claim.Key, outboxId);
        }

        if (claim.NewStatus is { } status)
        {
            var tickets = new TicketRepository(sql);
            var ticket = (await tickets.FindByIdAsync(claim.TicketId))?.ToRecord()
                ?? throw new InvalidOperationException($"There is no ticket with id {claim.TicketId}.");
            if (ticket.Status != status)
            {
                await tickets.UpdateAsync(ticket.Id, status, ticket.Flags, claim.At);
                await links.AddEventAsync(ticket.Id, claim.At, TicketEventKinds.StatusChanged, $"{ticket.Status} -> {status} by the schedule ({claim.Key})");
            }
        }

        await links.AddEventAsync(claim.TicketId, claim.At, claim.EventKind, claim.EventDetail);
        return ClaimOutcome.Claimed;
    }
}
