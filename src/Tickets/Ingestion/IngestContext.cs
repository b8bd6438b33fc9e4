using MailTicketing.Tickets.Configuration;
using MailTicketing.Tickets.Ports;

namespace MailTicketing.Tickets.Ingestion;

/// <summary>The message being ingested and the transaction it is ingested in.</summary>
internal sealed record IngestContext(
    ITicketSession Session,
    IncomingMail Mail,
    MailboxDefinition Mailbox,
    string Sha256,
    long Size,
    DateTimeOffset Now,
    long? ReplayOf);
