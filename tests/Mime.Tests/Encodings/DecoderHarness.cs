using System.Text;
using MailTicketing.Mime.Encodings;

namespace MailTicketing.Mime.Tests.Encodings;

/// <summary>Feeds a decoder in chunks the way the MIME parser will: output exactly as long as each chunk.</summary>
internal static class DecoderHarness
{
    public static byte[] Decode(IContentDecoder decoder, ReadOnlySpan<byte> input, int chunkSize) =>
        Decode(decoder, input, Enumerable.Repeat(chunkSize, (input.Length / Math.Max(chunkSize, 1)) + 1));

    public static byte[] Decode(IContentDecoder decoder, ReadOnlySpan<byte> input, IEnumerable<int> chunkSizes)
    {
        var result = new List<byte>();
        var pos = 0;
        foreach (var size in chunkSizes)
        {
            if (pos >= input.Length)
            {
                break;
            }

            var chunk = input.Slice(pos, Math.Min(size, input.Length - pos));
            pos += chunk.Length;
            var output = new byte[chunk.Length];
            var written = decoder.Decode(chunk, output);
            Assert.InRange(written, 0, chunk.Length);
            result.AddRange(output.AsSpan(0, written));
        }

        if (pos < input.Length)
        {
            var rest = input[pos..];
            var output = new byte[rest.Length];
            result.AddRange(output.AsSpan(0, decoder.Decode(rest, output)));
        }

        var tail = new byte[decoder.MaxFlushLength];
        var flushed = decoder.Flush(tail);
        Assert.InRange(flushed, 0, decoder.MaxFlushLength);
        result.AddRange(tail.AsSpan(0, flushed));
        return [.. result];
    }

    public static byte[] DecodeWhole(IContentDecoder decoder, string input) =>
        Decode(decoder, Encoding.Latin1.GetBytes(input), int.MaxValue);

    /// <summary>
    /// Asserts that every way of cutting the input (one split anywhere, two splits anywhere for
    /// short inputs, one byte at a time, random chunks) gives the whole-input result and issues.
    /// </summary>
    public static void AssertSplitInvariant(Func<IContentDecoder> create, byte[] input)
    {
        var reference = create();
        var expected = Decode(reference, input, int.MaxValue);
        var expectedIssues = reference.Issues;

        void Check(IEnumerable<int> chunks, string how)
        {
            var decoder = create();
            var actual = Decode(decoder, input, chunks);
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"Output differs when split {how}");
            Assert.True(expectedIssues == decoder.Issues, $"Issues {decoder.Issues} instead of {expectedIssues} when split {how}");
        }

        for (var a = 0; a <= input.Length; a++)
        {
            Check([a, int.MaxValue], $"at {a}");
            if (input.Length <= 40)
            {
                for (var b = 1; a + b <= input.Length; b++)
                {
                    Check([a, b, int.MaxValue], $"at {a} and {a + b}");
                }
            }
        }

        Check(Enumerable.Repeat(1, input.Length), "one byte at a time");
        var random = new Random(input.Length);
        for (var round = 0; round < 20; round++)
        {
            Check(Enumerable.Range(0, input.Length).Select(_ => random.Next(0, 9)), $"randomly (round {round})");
        }
    }

    public static byte[] Hex(string hex) => Convert.FromHexString(hex);
}
