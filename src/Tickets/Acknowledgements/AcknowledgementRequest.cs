using MailTicketing.Tickets.Configuration;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.Acknowledgements;

/// <summary>Everything an acknowledgement says and where it goes.</summary>
/// <param name="Language">"zh" or "en": the customer's language, judged from their text.</param>
/// <param name="SecretKinds">Kinds of secrets found and redacted ("password", "seed phrase"); the customer is told to rotate them.</param>
/// <param name="Minimal">Say nothing beyond the ticket number (security@ mail that failed SPF/DKIM/DMARC).</param>
public sealed record AcknowledgementRequest(
    TicketNumber Ticket,
    MailboxDefinition Mailbox,
    string CompanyName,
    string CustomerAddress,
    string? CustomerName,
    string OriginalSubject,
    string? OriginalMessageId,
    IReadOnlyList<string> OriginalReferences,
    string Language,
    bool HasAccountUid,
    bool HasTransactionId,
    bool HasAttachments,
    IReadOnlyList<string> SecretKinds,
    bool Minimal,
    DateTimeOffset Date);
