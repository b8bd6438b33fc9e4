namespace MailTicketing.Mime.Parsing;

/// <summary>One line (or piece of an over-long line) from <see cref="LineReader"/>.</summary>
internal readonly ref struct Line
{
    public Line(ReadOnlySpan<byte> content, ReadOnlySpan<byte> terminator, long offset, bool isPartial)
    {
        Content = content;
        Terminator = terminator;
        Offset = offset;
        IsPartial = isPartial;
    }

    /// <summary>The line without its terminator.</summary>
    public ReadOnlySpan<byte> Content { get; }

    /// <summary>CRLF, LF, CR, or empty at end of input or for a partial piece.</summary>
    public ReadOnlySpan<byte> Terminator { get; }

    public long Offset { get; }

    /// <summary>True when the line continues in the next piece.</summary>
    public bool IsPartial { get; }
}
