namespace MailTicketing.Imap.Protocol;

/// <summary>A piece of a command: protocol text, or a literal sent after "{n}" (from memory or a stream).</summary>
internal sealed class ImapCommandPart
{
    public ReadOnlyMemory<byte> Bytes { get; init; }

    public Stream? Content { get; init; }

    public long Length => Content is null ? Bytes.Length : ContentLength;

    public long ContentLength { get; init; }

    public bool IsLiteral { get; init; }
}
