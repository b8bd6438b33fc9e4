using MailTicketing.Tickets.Ports;
using MailTicketing.Worker.Scheduling;

namespace MailTicketing.Worker.Outbox;

/// <summary>
/// Delivers the outbox when no SMTP server is configured: each message becomes an .eml file in
/// a pickup folder (as IIS and many MTAs read them). The file is named after the outbox row
/// and written through a temporary name, so a crash between writing and marking the row
/// rewrites the same file instead of sending twice.
/// </summary>
public sealed class PickupFolderSender(ITicketStore store, string folder, TimeProvider clock, string? workerId = null) : IOutboxSender
{
    private readonly string _workerId = workerId ?? WorkerIdentity.Current.Owner;

    public string Folder { get; } = Path.GetFullPath(folder);

    public string Destination => Folder;

    /// <summary>Writes every due outbox message; returns how many were delivered.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        // Rows a killed predecessor on this machine had leased go now, not when its lease (5 min) runs out.
        await store.ReleaseDeadOutboxLeasesAsync(WorkerIdentity.IsDeadOnThisMachine, clock.GetUtcNow(), cancellationToken);
        Directory.CreateDirectory(Folder);
        var delivered = 0;
        while (true)
        {
            var due = await store.LeaseDueOutboxAsync(_workerId, clock.GetUtcNow(), IOutboxSender.Lease, 100, cancellationToken);
            if (due.Count == 0)
            {
                return delivered;
            }

            foreach (var item in due)
            {
                var path = Path.Combine(Folder, $"{item.Id:D8}-{item.TicketNumber}.eml");
                var temporary = path + ".tmp";
                await File.WriteAllBytesAsync(temporary, item.Raw, cancellationToken);
                File.Move(temporary, path, overwrite: true);
                await store.MarkOutboxSentAsync(item.Id, clock.GetUtcNow(), "written to pickup folder " + Path.GetFileName(path), cancellationToken);
                delivered++;
            }
        }
    }
}
