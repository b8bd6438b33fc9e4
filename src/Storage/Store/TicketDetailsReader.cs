using MailTicketing.Storage.Dialects;
using MailTicketing.Storage.Repositories;
using MailTicketing.Storage.Rows;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Routing;

namespace MailTicketing.Storage.Store;

/// <summary>
/// Assembles whole tickets, a batch at a time: one query per kind of child for the batch, not per
/// ticket. Mailboxes list the ticket's own first, then the others by name.
/// </summary>
internal static class TicketDetailsReader
{
    public static async Task<IReadOnlyList<TicketDetails>> ReadAsync(SqlContext sql, IReadOnlyList<TicketRow> tickets)
    {
        if (tickets.Count == 0)
        {
            return [];
        }

        var ids = tickets.Select(ticket => ticket.Id).ToList();
        var links = new TicketLinkRepository(sql);
        var mailboxes = await links.MailboxesAsync(ids);
        var identifiers = await links.IdentifiersAsync(ids);
        var participants = await links.ParticipantsAsync(ids);
        var events = await links.EventsAsync(ids);
        var messages = await new MessageRepository(sql).ForTicketsAsync(ids);
        var routing = await new RoutingRepository(sql).ForTicketsAsync(ids);

        return [.. tickets.Select(ticket => new TicketDetails(
            ticket.ToRecord(),
            ticket.LinkedNumber,
            [ticket.Mailbox, .. mailboxes[ticket.Id].Where(mailbox => mailbox != ticket.Mailbox)],
            [.. identifiers[ticket.Id]],
            [.. participants[ticket.Id]],
            [.. messages[ticket.Id]],
            [.. events[ticket.Id]])
        {
            Routing = routing.GetValueOrDefault(ticket.Id) ?? TicketRouting.None,
        })];
    }
}
