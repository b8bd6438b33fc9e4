using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.Ports;

/// <summary>A composed scheduled notice: stored on its ticket as an outbound message and queued for sending.</summary>
/// <param name="MessageId">Our signed Message-ID, without angle brackets.</param>
public sealed record ScheduledMail(
    string Mailbox,
    MessageKind Kind,
    string FromAddress,
    string Recipient,
    string MessageId,
    string? InReplyTo,
    string Subject,
    string Text,
    byte[] Raw);
