namespace MailTicketing.Tickets.Ports;

/// <summary>
/// What the scheduled sweeps (SLA notices, customer follow-ups, auto-close) read and write.
/// Acting is claim-based: <see cref="ClaimAsync"/> records the action's key together with
/// everything the action does, in one transaction, so a key is acted on once — whatever
/// crashes, restarts, misfires or other workers do.
/// </summary>
public interface IScheduleStore
{
    /// <summary>Tickets that are not closed with id above <paramref name="afterTicketId"/>, in id order, with what the schedule decides on.</summary>
    Task<IReadOnlyList<ScheduledTicket>> ListOpenTicketsAsync(long afterTicketId, int limit, CancellationToken cancellationToken);

    /// <summary>The same facts for the given tickets, closed ones included (for display); missing ids are left out.</summary>
    Task<IReadOnlyList<ScheduledTicket>> GetTicketsAsync(IReadOnlyCollection<long> ticketIds, CancellationToken cancellationToken);

    /// <summary>Takes the action unless its key was claimed before or the ticket moved on since it was planned.</summary>
    Task<ClaimOutcome> ClaimAsync(ScheduledClaim claim, CancellationToken cancellationToken);
}
