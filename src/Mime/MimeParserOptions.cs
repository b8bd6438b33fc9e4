namespace MailTicketing.Mime;

/// <summary>Limits and storage choices for reading a message. The defaults suit a support mailbox.</summary>
public sealed record MimeParserOptions
{
    public static readonly MimeParserOptions Default = new();

    /// <summary>How deep multiparts and forwarded messages may nest; deeper content is kept opaque.</summary>
    public int MaxNestingDepth { get; init; } = 32;

    /// <summary>How many header fields one entity may have; the rest are dropped with a defect.</summary>
    public int MaxHeaderCount { get; init; } = 1000;

    /// <summary>How long one header field may be, folding included.</summary>
    public int MaxHeaderLength { get; init; } = 64 * 1024;

    /// <summary>How many parts one message may have in total; beyond it, content is kept opaque.</summary>
    public int MaxPartCount { get; init; } = 10_000;

    /// <summary>Decoded content up to this size stays in memory; larger content spills to a temporary file.</summary>
    public int MemoryThreshold { get; init; } = 256 * 1024;

    /// <summary>Where spilled content goes; the system temporary folder when null.</summary>
    public string? TemporaryDirectory { get; init; }
}
