namespace MailTicketing.Mime.Encodings;

/// <summary>A Content-Transfer-Encoding (RFC 2045 §6), plus uuencode which old mailers still send.</summary>
public enum ContentEncoding
{
    /// <summary>No header, or a value we do not know: content is passed through unchanged.</summary>
    Default,
    SevenBit,
    EightBit,
    Binary,
    Base64,
    QuotedPrintable,
    UUEncode,
}
