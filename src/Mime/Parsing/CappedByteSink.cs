namespace MailTicketing.Mime.Parsing;

/// <summary>Collects preamble or epilogue text up to a cap; nobody needs megabytes of either.</summary>
internal sealed class CappedByteSink(int cap) : IContentSink
{
    private readonly MemoryStream _bytes = new();

    public static readonly CappedByteSink Discard = new(0);

    public void Write(ReadOnlySpan<byte> data)
    {
        var room = cap - (int)_bytes.Length;
        if (room > 0)
        {
            _bytes.Write(data[..Math.Min(room, data.Length)]);
        }
    }

    public byte[] ToArray() => _bytes.ToArray();
}
