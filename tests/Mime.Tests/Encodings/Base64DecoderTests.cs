using System.Text;
using MailTicketing.Mime.Encodings;

namespace MailTicketing.Mime.Tests.Encodings;

public class Base64DecoderTests
{
    // Generated once with Python: base64.encodebytes(bytes.fromhex(RandomHex)).
    private const string RandomHex =
        "a54dca182530bb1d6d132cded6237b2ed91e3f721fcb1971174494d6493c9d5c3460be31201e69fedaa0eee8b9997f5c7c2999fd"
        + "afe593253cd654af4dfad71427a0aeb3fee9232f8af2211f9ee491c5b10becb5563bfc1e6f93427ecbc8fe2955e5cd8e";

    private const string RandomBase64 =
        "pU3KGCUwux1tEyze1iN7LtkeP3IfyxlxF0SU1kk8nVw0YL4xIB5p/tqg7ui5mX9cfCmZ/a/lkyU8\r\n"
        + "1lSvTfrXFCegrrP+6SMvivIhH57kkcWxC+y1Vjv8Hm+TQn7LyP4pVeXNjg==\r\n";

    private static (string Text, DecodeIssues Issues) Decode(string input)
    {
        var decoder = new Base64Decoder();
        var bytes = DecoderHarness.DecodeWhole(decoder, input);
        return (Encoding.Latin1.GetString(bytes), decoder.Issues);
    }

    [Fact]
    public void Base64_reference_vector_decodes_without_issues()
    {
        var decoder = new Base64Decoder();
        var bytes = DecoderHarness.DecodeWhole(decoder, RandomBase64);
        Assert.Equal(RandomHex, Convert.ToHexStringLower(bytes));
        Assert.Equal(DecodeIssues.None, decoder.Issues);
    }

    [Fact]
    public void Base64_gives_the_same_result_however_the_input_is_split()
    {
        DecoderHarness.AssertSplitInvariant(() => new Base64Decoder(), Encoding.ASCII.GetBytes(RandomBase64));
    }

    [Theory]
    [InlineData("QUJD\r\nREVG\r\n")]
    [InlineData("QU JD\tRE\nVG")]
    [InlineData("  QUJDREVG  ")]
    public void Base64_whitespace_and_line_breaks_are_skipped_silently(string input)
    {
        Assert.Equal(("ABCDEF", DecodeIssues.None), Decode(input));
    }

    [Theory]
    [InlineData("QU*JD!REVG")]
    [InlineData("QUJD\u00e9REVG")]
    [InlineData(".QUJDREVG.")]
    public void Base64_with_junk_characters_skips_them(string input)
    {
        Assert.Equal(("ABCDEF", DecodeIssues.InvalidCharacters), Decode(input));
    }

    [Theory]
    [InlineData("QUJDRA", "ABCD")]
    [InlineData("QUJDREU", "ABCDE")]
    [InlineData("QQ", "A")]
    public void Base64_missing_padding_still_decodes_the_partial_quantum(string input, string expected)
    {
        Assert.Equal((expected, DecodeIssues.BadPadding), Decode(input));
    }

    [Theory]
    [InlineData("QUJDRA==", "ABCD")]
    [InlineData("QUJDREU=", "ABCDE")]
    [InlineData("QUJDRA==\r\n", "ABCD")]
    public void Base64_correct_padding_is_not_an_issue(string input, string expected)
    {
        Assert.Equal((expected, DecodeIssues.None), Decode(input));
    }

    [Fact]
    public void Base64_single_leftover_character_is_dropped_and_flagged()
    {
        Assert.Equal(("ABC", DecodeIssues.BadPadding), Decode("QUJDR"));
        Assert.Equal(("ABC", DecodeIssues.BadPadding), Decode("QUJDR==="));
    }

    [Fact]
    public void Base64_padding_in_the_middle_ends_a_quantum_and_decoding_continues()
    {
        Assert.Equal(("AAB", DecodeIssues.DataAfterEnd), Decode("QQ==QUI="));
        Assert.Equal(("ABCDEF", DecodeIssues.BadPadding | DecodeIssues.DataAfterEnd), Decode("QUJD\r\n=\r\nREVG"));
    }

    [Fact]
    public void Base64_concatenated_blocks_each_keep_their_padding()
    {
        Assert.Equal(("hello world", DecodeIssues.DataAfterEnd), Decode("aGVsbG8=\r\nIHdvcmxk\r\n"));
    }

    [Fact]
    public void Base64_text_after_whitespace_on_the_padding_line_is_a_trailer_and_skipped()
    {
        // stalwart thirdparty/002.eml: " ignored" used to decode into three garbage bytes.
        var (text, issues) = Decode("ecO2dMOkIHZhYW4uCg== ignored");
        Assert.Equal("y\u00c3\u00b6t\u00c3\u00a4 vaan.\n", text);
        Assert.Equal(DecodeIssues.DataAfterEnd, issues);
    }

    [Fact]
    public void Base64_block_on_the_line_after_a_padding_trailer_is_still_decoded()
    {
        Assert.Equal(("hello world", DecodeIssues.DataAfterEnd), Decode("aGVsbG8= -- end of part one\r\nIHdvcmxk\r\n"));
        Assert.Equal(("hello world", DecodeIssues.DataAfterEnd), Decode("aGVsbG8=\t*junk*\nIHdvcmxk"));
    }

    [Fact]
    public void Base64_whitespace_after_padding_is_not_an_issue()
    {
        Assert.Equal(("A", DecodeIssues.None), Decode("QQ== \t \r\n"));
        Assert.Equal(("AB", DecodeIssues.None), Decode("QUI= \n\n"));
    }

    [Fact]
    public void Base64_padding_trailer_gives_the_same_result_however_the_input_is_split()
    {
        DecoderHarness.AssertSplitInvariant(() => new Base64Decoder(), "ecO2dMOkIHZhYW4uCg== ignored\r\nQUJD QQ==\r\nQQ==QUI=  x\r\n"u8.ToArray());
    }

    [Fact]
    public void Base64_half_padding_followed_by_data_is_flagged()
    {
        var (text, issues) = Decode("QQ=QUI");
        Assert.Equal("AAB", text);
        Assert.Equal(DecodeIssues.BadPadding | DecodeIssues.DataAfterEnd, issues);
    }

    [Fact]
    public void Base64_stray_padding_after_a_full_quantum_is_flagged()
    {
        Assert.Equal(("ABC", DecodeIssues.BadPadding), Decode("QUJD="));
    }

    [Fact]
    public void Base64_accepts_the_url_safe_alphabet()
    {
        var decoder = new Base64Decoder();
        // Python: base64.urlsafe_b64decode("-_-_") == bytes.fromhex("fbffbf").
        Assert.Equal([0xFB, 0xFF, 0xBF], DecoderHarness.DecodeWhole(decoder, "-_-_"));
        Assert.Equal(DecodeIssues.None, decoder.Issues);
    }

    [Fact]
    public void Base64_large_input_matches_the_framework_decoder()
    {
        var data = new byte[300_000];
        new Random(42).NextBytes(data);
        var encoded = Convert.ToBase64String(data, Base64FormattingOptions.InsertLineBreaks);
        var decoder = new Base64Decoder();
        Assert.Equal(data, DecoderHarness.Decode(decoder, Encoding.ASCII.GetBytes(encoded), 4096));
        Assert.Equal(DecodeIssues.None, decoder.Issues);
    }

    [Fact]
    public void Base64_lines_not_a_multiple_of_four_decode_across_line_breaks()
    {
        Assert.Equal(("ABCDEF", DecodeIssues.None), Decode("QUJ\r\nDRE\r\nVG"));
    }

    [Theory]
    [InlineData(76, "\r\n")]
    [InlineData(76, "\n")]
    [InlineData(75, "\r\n")]
    [InlineData(57, " \r\n\t")]
    public void Base64_line_broken_bodies_decode_across_lines_and_large_blocks(int lineLength, string lineBreak)
    {
        // 40 KB: several of the blocks that lines are joined into, with quanta split across lines.
        var data = new byte[30_001];
        new Random(lineLength).NextBytes(data);
        var encoded = Convert.ToBase64String(data);
        var lines = Enumerable.Range(0, (encoded.Length + lineLength - 1) / lineLength)
            .Select(i => encoded.Substring(i * lineLength, Math.Min(lineLength, encoded.Length - (i * lineLength))));
        var input = Encoding.ASCII.GetBytes(string.Join(lineBreak, lines) + lineBreak);

        foreach (var chunk in new[] { int.MaxValue, 32 * 1024, 4099 })
        {
            var decoder = new Base64Decoder();
            Assert.Equal(data, DecoderHarness.Decode(decoder, input, chunk));
            Assert.Equal(DecodeIssues.None, decoder.Issues);
        }
    }

    [Fact]
    public void Base64_junk_and_padding_inside_long_line_broken_input_are_handled_where_they_stand()
    {
        var first = new byte[9_001];
        var second = new byte[5_000];
        new Random(5).NextBytes(first);
        new Random(6).NextBytes(second);
        var text = Convert.ToBase64String(first, Base64FormattingOptions.InsertLineBreaks);
        // A junk character in the middle of a line, then a second block after the first one's "==".
        text = text.Insert(text.Length / 2, "*") + "\r\n" + Convert.ToBase64String(second, Base64FormattingOptions.InsertLineBreaks) + "\r\n";

        var (decoded, issues) = Decode(text);

        Assert.Equal(first.Concat(second).ToArray(), Encoding.Latin1.GetBytes(decoded));
        Assert.Equal(DecodeIssues.InvalidCharacters | DecodeIssues.DataAfterEnd, issues);
    }

    [Fact]
    public void Base64_block_decoding_matches_decoding_one_byte_at_a_time_on_random_mail_like_input()
    {
        // One byte per call never reaches the block path, so it is the reference.
        var random = new Random(17);
        string[] pieces = ["QUJD", "REVG", "R0g", "SQ", "+/9z", "\r\n", "\n", " ", "\t", "=", "==", "*", "-_", "\u00e9", "\r"];
        for (var round = 0; round < 60; round++)
        {
            var builder = new StringBuilder();
            var length = random.Next(0, 4) == 0 ? 20_000 : 300;
            while (builder.Length < length)
            {
                // Mostly clean lines, so long joined runs occur next to the odd characters.
                builder.Append(random.Next(0, 3) == 0 ? pieces[random.Next(pieces.Length)] : new string('A', random.Next(1, 80)) + "\r\n");
            }

            var input = Encoding.Latin1.GetBytes(builder.ToString());
            var reference = new Base64Decoder();
            var expected = DecoderHarness.Decode(reference, input, 1);
            foreach (var chunk in new[] { int.MaxValue, random.Next(2, 9000) })
            {
                var decoder = new Base64Decoder();
                Assert.Equal(expected, DecoderHarness.Decode(decoder, input, chunk));
                Assert.Equal(reference.Issues, decoder.Issues);
            }
        }
    }

    [Fact]
    public void Base64_random_garbage_never_throws_and_never_expands()
    {
        var random = new Random(3);
        for (var round = 0; round < 200; round++)
        {
            var input = new byte[random.Next(0, 200)];
            random.NextBytes(input);
            var decoder = new Base64Decoder();
            var output = DecoderHarness.Decode(decoder, input, random.Next(1, 10));
            Assert.True(output.Length <= input.Length);
        }
    }

    [Fact]
    public void Base64_output_shorter_than_input_is_rejected()
    {
        var decoder = new Base64Decoder();
        Assert.Throws<ArgumentException>(() => decoder.Decode("QUJD"u8, new byte[3]));
    }

    [Fact]
    public void Base64_reset_clears_state_and_issues()
    {
        var decoder = new Base64Decoder();
        var output = new byte[8];
        decoder.Decode("QU*"u8, output);
        decoder.Reset();
        Assert.Equal(DecodeIssues.None, decoder.Issues);
        Assert.Equal("ABC"u8.ToArray(), DecoderHarness.DecodeWhole(decoder, "QUJD"));
    }
}
