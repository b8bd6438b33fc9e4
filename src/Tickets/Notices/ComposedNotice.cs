namespace MailTicketing.Tickets.Notices;

/// <summary>A notice ready for the outbox: who gets it, its signed Message-ID (without angle brackets), and its bytes.</summary>
public sealed record ComposedNotice(string Recipient, string MessageId, string Subject, string Text, byte[] Raw);
