using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.Threading;

/// <summary>What threading looks at in an inbound message.</summary>
public sealed record ThreadingInput(
    string SenderAddress,
    string? Subject,
    string? InReplyTo,
    IReadOnlyList<string> References,
    IReadOnlyList<Identifier> Identifiers,
    long TextFingerprint,
    DateTimeOffset ReceivedAt);
