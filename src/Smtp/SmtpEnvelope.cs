namespace MailTicketing.Smtp;

/// <summary>
/// The envelope of one message: MAIL FROM and RCPT TO addresses (plain addresses, no angle
/// brackets or display names) and what the server must support to take the message.
/// </summary>
public sealed class SmtpEnvelope
{
    /// <summary>The return path; empty for the null sender ("&lt;&gt;", for bounces and notices).</summary>
    public required string Sender { get; init; }

    public required IReadOnlyList<string> Recipients { get; init; }

    public SmtpBodyType Body { get; init; } = SmtpBodyType.SevenBit;

    /// <summary>
    /// The message has UTF-8 header fields (RFC 6532). Non-ASCII envelope addresses need
    /// SMTPUTF8 anyway; this is for the content, which the client does not read ahead.
    /// </summary>
    public bool RequiresSmtpUtf8 { get; init; }

    /// <summary>The message size in bytes when the stream cannot tell (it is not seekable); used for SIZE.</summary>
    public long? Size { get; init; }
}
