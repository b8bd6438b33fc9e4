namespace MailTicketing.Smtp;

/// <summary>What the message body holds, for MAIL FROM's BODY parameter (RFC 6152).</summary>
public enum SmtpBodyType
{
    /// <summary>ASCII only (encoded words, quoted-printable, base64): any server takes it.</summary>
    SevenBit,

    /// <summary>8-bit bytes in the body; the server must announce 8BITMIME or the message is refused before sending.</summary>
    EightBitMime,
}
