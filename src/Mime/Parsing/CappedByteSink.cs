namespace MailTicketing.Mime.Parsing;

/// <summary>Collects preamble or epilogue text up to a cap; nobody needs megabytes of either.</summary>
internal sealed class CappedByteSink(int cap) : IContentSink
{
    // Created on the first byte: most multiparts end with no epilogue or a bare line break.
    private MemoryStream? _bytes;

    public static readonly CappedByteSink Discard = new(0);

    public void Write(ReadOnlySpan<byte> data)
    {
        var room = cap - (int)(_bytes?.Length ?? 0);
        if (room > 0 && !data.IsEmpty)
        {
            _bytes ??= new MemoryStream(Math.Min(cap, Math.Max(data.Length, 256)));
            _bytes.Write(data[..Math.Min(room, data.Length)]);
        }
    }

    public byte[] ToArray() => _bytes?.ToArray() ?? [];
}
