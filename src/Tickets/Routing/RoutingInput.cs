using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.Routing;

/// <summary>What routing sees of a message: where it arrived, who sent it, what it says and what was found in it.</summary>
public sealed record RoutingInput(
    string Mailbox,
    string SenderAddress,
    string Subject,
    string Text,
    string Language,
    IReadOnlyList<Identifier> Identifiers,
    IReadOnlyList<string> AttachmentTypes,
    bool AuthenticationFailed,
    bool IsMachineGenerated,
    bool IsNewTicket);
