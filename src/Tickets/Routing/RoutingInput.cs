using MailTicketing.Mime;
using MailTicketing.Tickets.Configuration;
using MailTicketing.Tickets.Extraction;
using MailTicketing.Tickets.Ingestion;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.Routing;

/// <summary>What routing sees of a message: where it arrived, who sent it, what it says and what was found in it.</summary>
/// <param name="Mailbox">The mailbox's short name ("support").</param>
/// <param name="MailboxAddress">The mailbox's address (support@exchange.example), which rules name.</param>
/// <param name="SenderAddress">The customer's address, lower-case.</param>
/// <param name="Subject">The subject with secrets redacted.</param>
/// <param name="Text">The body text with secrets redacted.</param>
/// <param name="Identifiers">UIDs, TxIDs (with the chain they look like), order numbers and wallet addresses.</param>
/// <param name="Amounts">Amounts the customer quoted ("1,250 USDT").</param>
/// <param name="AttachmentTypes">Content types of the attachments.</param>
/// <param name="IsNewTicket">False when threading put the message on an existing ticket (a follow-up).</param>
public sealed record RoutingInput(
    string Mailbox,
    string MailboxAddress,
    string SenderAddress,
    string Subject,
    string Text,
    string Language,
    IReadOnlyList<Identifier> Identifiers,
    IReadOnlyList<CoinAmount> Amounts,
    IReadOnlyList<string> AttachmentTypes,
    bool AuthenticationFailed,
    bool IsAutoReply,
    bool IsBounce,
    bool IsMachineGenerated,
    bool IsNewTicket)
{
    /// <summary>
    /// Reads a message as ingestion would (redaction, reply splitting, extraction, authentication
    /// results) without any store: for dry runs such as <c>rules test</c>. Null when the message
    /// has no sender address (ingestion quarantines such mail).
    /// </summary>
    public static RoutingInput? Read(MimeMessage message, MailboxDefinition mailbox, bool isNewTicket, string? trustedAuthServId = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(mailbox);
        return IngestService.SenderOf(message) is { } sender
            ? From(message, mailbox, sender.Address.ToLowerInvariant(), MessageFacts.Read(message, trustedAuthServId), isNewTicket)
            : null;
    }

    internal static RoutingInput From(MimeMessage message, MailboxDefinition mailbox, string customer, MessageFacts facts, bool isNewTicket) => new(
        mailbox.Name,
        mailbox.Address,
        customer,
        facts.Subject,
        facts.Text,
        facts.Language,
        facts.Identifiers,
        facts.Amounts,
        message.Attachments.Select(a => a.ContentType.MimeType).ToList(),
        facts.AuthenticationFailed,
        message.Automation.IsAutoReply,
        message.Automation.IsBounce,
        message.Automation.IsMachineGenerated,
        isNewTicket);
}
