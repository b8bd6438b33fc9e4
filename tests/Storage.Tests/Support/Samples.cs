using System.Security.Cryptography;
using System.Text;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Storage.Tests.Support;

/// <summary>Test data with sensible defaults; tests name only what they are about.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public const string Alice = "alice@example.com";
    public const string Bob = "bob@example.net";

    public static NewTicket Ticket(
        TicketNumber number,
        string customer = Alice,
        DateTimeOffset? at = null,
        string mailbox = "support",
        TicketFlags flags = TicketFlags.None,
        long? linkedTicketId = null,
        string subject = "Withdrawal not received") =>
        new(number, mailbox, "withdrawals", "crypto", TicketPriority.High, customer, subject, "en", flags, at ?? T0, linkedTicketId);

    public static NewMessage Message(
        long ticketId,
        string? messageId = null,
        MessageDirection direction = MessageDirection.Inbound,
        string from = Alice,
        DateTimeOffset? at = null,
        string text = "My withdrawal has not arrived.",
        string? rawSha256 = null,
        long fingerprint = 0x1234_5678_9abc,
        IReadOnlyList<StoredAttachment>? attachments = null,
        MessageKind kind = MessageKind.CustomerMail,
        string mailbox = "support") =>
        new(
            ticketId,
            mailbox,
            direction,
            kind,
            messageId,
            InReplyTo: null,
            from,
            "Alice Example",
            ["support@exchange.example", "cc@exchange.example"],
            "Withdrawal not received",
            at ?? T0,
            ThreadingReason.NewTicket,
            "no earlier ticket",
            text,
            rawSha256,
            Size: 1234,
            fingerprint,
            attachments ?? []);

    public static OutboxItem Outbox(long ticketId, long messageRowId, string recipient = Alice, DateTimeOffset? at = null, string messageId = "<ack-1@exchange.example>") =>
        new(ticketId, messageRowId, recipient, messageId, Encoding.ASCII.GetBytes("Subject: ack\r\n\r\nThanks\r\n"), at ?? T0);

    public static QuarantineItem Quarantine(string rawSha256, string key = "cur/1.eml", string reason = "too-large") =>
        new("support", "maildir:/srv/mail/support", key, rawSha256, 42_000_000, reason, "42 MB over the 25 MB limit", T0);

    public static (string Sha256, byte[] Bytes) Content(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return (Sha256(bytes), bytes);
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
