using MailTicketing.Tickets.Configuration;
using MailTicketing.Tickets.Ports;

namespace MailTicketing.Tickets.Ingestion;

/// <summary>The message being ingested and the transaction it is ingested in.</summary>
/// <param name="AttachmentBlobs">The message's attachments encoded ahead (<see cref="PreparedMail.AttachmentBlobs"/>), if any.</param>
internal sealed record IngestContext(
    ITicketSession Session,
    IncomingMail Mail,
    MailboxDefinition Mailbox,
    string Sha256,
    long Size,
    DateTimeOffset Now,
    long? ReplayOf,
    IReadOnlyList<PreparedBlob?>? AttachmentBlobs = null);
