namespace MailTicketing.Worker.Outbox;

/// <summary>
/// Delivers the due outbox rows and records each attempt on the row (and so on the ticket).
/// The worker composes one: <see cref="SmtpOutboxSender"/> when SMTP is configured,
/// otherwise <see cref="PickupFolderSender"/>.
/// </summary>
public interface IOutboxSender
{
    /// <summary>
    /// How long a pass holds the rows it took: far longer than a batch takes to send, so another
    /// worker waits for them only when this one died mid-pass.
    /// </summary>
    static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Where the mail goes, for logs and summaries: a folder, or "smtp://host:port".</summary>
    string Destination { get; }

    /// <summary>Delivers what is due now; returns how many messages were accepted.</summary>
    Task<int> DeliverDueAsync(CancellationToken cancellationToken);
}
