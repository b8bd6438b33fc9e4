namespace MailTicketing.Mime;

/// <summary>The kinds of damage the reader recognises and repairs.</summary>
public enum MimeDefectKind
{
    /// <summary>A header line had no colon, a bad name, or leading whitespace where a new field begins.</summary>
    MalformedHeader,
    /// <summary>The blank line between headers and body was missing.</summary>
    MissingHeaderBodySeparator,
    /// <summary>More headers, or longer ones, than the configured limits; the excess was dropped.</summary>
    HeaderLimitExceeded,
    /// <summary>A Content-Type could not be read as written.</summary>
    MalformedContentType,
    /// <summary>A Content-Disposition could not be read as written.</summary>
    MalformedContentDisposition,
    /// <summary>A multipart had no boundary parameter; its body was kept as a single part.</summary>
    MissingBoundary,
    /// <summary>A multipart ended without its closing boundary.</summary>
    MissingClosingBoundary,
    /// <summary>A multipart's closing boundary was never followed by the parts it announced, or it had no parts.</summary>
    EmptyMultipart,
    /// <summary>Nesting went deeper than the configured limit; the rest was kept as opaque content.</summary>
    NestingTooDeep,
    /// <summary>The transfer encoding was unknown; content kept undecoded.</summary>
    UnknownTransferEncoding,
    /// <summary>The transfer-encoded content had errors that the decoder skipped (see detail).</summary>
    InvalidContentEncoding,
    /// <summary>A declared charset was unknown or wrong; the text was decoded with a fallback.</summary>
    CharsetFallback,
    /// <summary>An address header could not be read completely.</summary>
    MalformedAddress,
    /// <summary>A Date header could not be read.</summary>
    MalformedDate,
    /// <summary>The input ended in the middle of the headers, or was empty.</summary>
    Truncated,
    /// <summary>The content was larger than the configured limit; the rest was not kept in the part (the raw message still has it).</summary>
    ContentLimitExceeded,
}
