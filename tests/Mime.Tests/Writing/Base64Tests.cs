using System.Text;
using MailTicketing.Mime.Writing;

namespace MailTicketing.Mime.Tests.Writing;

public class Base64Tests
{
    private static string Encode(Action<AsciiSink> write)
    {
        using var output = new MemoryStream();
        using (var sink = new AsciiSink(output))
        {
            write(sink);
        }

        return Encoding.ASCII.GetString(output.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(56)]
    [InlineData(57)]
    [InlineData(58)]
    [InlineData(100_000)]
    public void Lines_are_76_characters_and_decode_to_the_input(int length)
    {
        var data = TestMessages.Random(length, length);
        var encoded = Encode(sink => Base64Writer.Write(data, sink));
        var lines = encoded.Split("\r\n")[..^1];

        Assert.All(lines[..^1], l => Assert.Equal(76, l.Length));
        Assert.True(lines[^1].Length <= 76);
        Assert.Equal(data, Convert.FromBase64String(string.Concat(lines)));
    }

    [Fact]
    public void Stream_source_gives_the_same_output_as_memory_even_with_short_reads()
    {
        var data = TestMessages.Random(300_001, 3);
        var fromMemory = Encode(sink => Base64Writer.Write(data, sink));
        var fromStream = Encode(sink => Base64Writer.Write(new TrickleStream(data), sink));

        Assert.Equal(fromMemory, fromStream);
    }

    [Fact]
    public void Empty_stream_writes_one_empty_line()
    {
        Assert.Equal("\r\n", Encode(sink => Base64Writer.Write(new MemoryStream(), sink)));
    }

    /// <summary>Returns at most 1000 bytes per read, as network streams do.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1000));
    }
}
