namespace MailTicketing.Mime;

/// <summary>Something wrong with a message that the reader worked around.</summary>
/// <param name="Kind">What was wrong.</param>
/// <param name="Offset">Byte offset in the message (or in the enclosing part's content, for nested messages) where it was found.</param>
/// <param name="Detail">A short human-readable explanation, safe to log (no message content beyond a header name).</param>
public sealed record MimeDefect(MimeDefectKind Kind, long Offset, string Detail)
{
    public override string ToString() => $"{Kind} at byte {Offset}: {Detail}";
}
