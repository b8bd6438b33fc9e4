using System.Runtime.CompilerServices;
using MailTicketing.Tickets.Ports;

namespace MailTicketing.Tickets.Schedule;

/// <summary>Every ticket that is not closed, a page at a time, so a sweep never holds them all.</summary>
internal static class OpenTickets
{
    private const int PageSize = 500;

    public static async IAsyncEnumerable<ScheduledTicket> ReadAsync(IScheduleStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = 0L;
        while (true)
        {
            var page = await store.ListOpenTicketsAsync(after, PageSize, cancellationToken);
            foreach (var ticket in page)
            {
                yield return ticket;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Ticket.Id;
        }
    }
}
