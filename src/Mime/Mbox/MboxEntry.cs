namespace MailTicketing.Mime.Mbox;

/// <summary>
/// One message of an mbox file, as <see cref="MboxReader"/> finds it. Its content is read
/// forward once, through <see cref="OpenRead"/>, before the reader moves to the next entry.
/// </summary>
public sealed class MboxEntry
{
    private readonly MboxReader _reader;
    private bool _opened;

    internal MboxEntry(MboxReader reader, int index, long offset, string? fromLine, long contentOffset)
    {
        _reader = reader;
        Index = index;
        Offset = offset;
        FromLine = fromLine;
        ContentOffset = contentOffset;
    }

    /// <summary>Position of the message in the file, from 0.</summary>
    public int Index { get; }

    /// <summary>Byte offset of the "From " separator line, or of the first message byte when there is none.</summary>
    public long Offset { get; }

    /// <summary>The "From " separator line without its line break (read as Latin-1), or null when the message had none.</summary>
    public string? FromLine { get; }

    /// <summary>Byte offset of the message's first byte, just after the separator line.</summary>
    public long ContentOffset { get; }

    /// <summary>
    /// How many bytes the message takes in the file (as stored, escapes included; separator and
    /// the blank line before the next separator excluded). Null until the message was read to its end.
    /// </summary>
    public long? ContentLength { get; internal set; }

    /// <summary>
    /// A forward-only stream over the message with mboxrd escapes removed (">From " reads as
    /// "From "). It can be opened once, and only until the reader moves on; disposing it does
    /// not close the mbox.
    /// </summary>
    public Stream OpenRead()
    {
        if (_opened)
        {
            throw new InvalidOperationException("An mbox entry's content can be opened only once.");
        }

        if (!_reader.IsCurrent(this))
        {
            throw new InvalidOperationException("The reader has moved past this entry; its content is gone.");
        }

        _opened = true;
        return new MboxEntryStream(_reader, this);
    }

    public override string ToString() => $"#{Index} at {Offset}: {FromLine ?? "(no From line)"}";
}
