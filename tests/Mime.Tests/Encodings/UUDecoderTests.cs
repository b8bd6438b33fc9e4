using System.Text;
using MailTicketing.Mime.Encodings;

namespace MailTicketing.Mime.Tests.Encodings;

public class UUDecoderTests
{
    internal const string RandomHex =
        "a54dca182530bb1d6d132cded6237b2ed91e3f721fcb1971174494d6493c9d5c3460be31201e69fedaa0eee8b9997f5c7c2999fd"
        + "afe593253cd654af4dfad71427a0aeb3fee9232f8af2211f9ee491c5b10becb5563bfc1e6f93427ecbc8fe2955e5cd8e";

    // Generated once with Python: binascii.b2a_uu(chunk, backtick=True) per 45-byte chunk of RandomHex.
    internal const string RandomUuencodedLines =
        "MI4W*&\"4PNQUM$RS>UB-[+MD>/W(?RQEQ%T24UDD\\G5PT8+XQ(!YI_MJ@[NBY\n"
        + "MF7]<?\"F9_:_EDR4\\UE2O3?K7%\">@KK/^Z2,OBO(A'Y[DD<6Q\"^RU5CO\\'F^3\n"
        + "*0G[+R/XI5>7-C@``\n";

    // The same with backtick=False: zero sextets are spaces, as old encoders wrote them.
    private const string RandomUuencodedLinesWithSpaces =
        "MI4W*&\"4PNQUM$RS>UB-[+MD>/W(?RQEQ%T24UDD\\G5PT8+XQ(!YI_MJ@[NBY\n"
        + "MF7]<?\"F9_:_EDR4\\UE2O3?K7%\">@KK/^Z2,OBO(A'Y[DD<6Q\"^RU5CO\\'F^3\n"
        + "*0G[+R/XI5>7-C@  \n";

    private static readonly string Encoded = "begin 644 data.bin\n" + RandomUuencodedLines + "`\nend\n";

    private static (byte[] Bytes, DecodeIssues Issues) Decode(string input)
    {
        var decoder = new UUDecoder();
        return (DecoderHarness.DecodeWhole(decoder, input), decoder.Issues);
    }

    [Fact]
    public void Uuencode_reference_vector_decodes_without_issues()
    {
        var (bytes, issues) = Decode(Encoded);
        Assert.Equal(RandomHex, Convert.ToHexStringLower(bytes));
        Assert.Equal(DecodeIssues.None, issues);
    }

    [Fact]
    public void Uuencode_with_crlf_and_a_preamble_decodes_the_same()
    {
        var (bytes, issues) = Decode("This is a uuencoded file.\r\n\r\n" + Encoded.Replace("\n", "\r\n"));
        Assert.Equal(RandomHex, Convert.ToHexStringLower(bytes));
        Assert.Equal(DecodeIssues.None, issues);
    }

    [Fact]
    public void Uuencode_with_space_for_zero_decodes_even_when_trailing_spaces_were_stripped()
    {
        var stripped = RandomUuencodedLinesWithSpaces.Replace("  \n", "\n");
        Assert.Equal(RandomHex, Convert.ToHexStringLower(Decode("begin 644 x\n" + RandomUuencodedLinesWithSpaces + " \nend\n").Bytes));
        Assert.Equal(RandomHex, Convert.ToHexStringLower(Decode("begin 644 x\n" + stripped + "\nend\n").Bytes));
    }

    [Fact]
    public void Uuencode_gives_the_same_result_however_the_input_is_split()
    {
        DecoderHarness.AssertSplitInvariant(() => new UUDecoder(), Encoding.ASCII.GetBytes("junk\r\n" + Encoded.Replace("\n", "\r\n") + "after\r\n"));
    }

    [Fact]
    public void Uuencode_short_input_survives_every_double_split()
    {
        DecoderHarness.AssertSplitInvariant(() => new UUDecoder(), Encoding.ASCII.GetBytes("begin 600 a\n#86)C\n`\nend\n"));
    }

    [Fact]
    public void Uuencode_without_end_is_truncated_but_keeps_what_it_decoded()
    {
        var (bytes, issues) = Decode("begin 644 abc.txt\n#86)C\n");
        Assert.Equal("abc"u8.ToArray(), bytes);
        Assert.Equal(DecodeIssues.Truncated, issues);
    }

    [Fact]
    public void Uuencode_last_line_without_line_break_is_decoded_at_flush()
    {
        var (bytes, issues) = Decode("begin 644 abc.txt\n#86)C");
        Assert.Equal("abc"u8.ToArray(), bytes);
        Assert.Equal(DecodeIssues.Truncated, issues);
    }

    [Fact]
    public void Uuencode_without_begin_line_decodes_its_data_lines_and_is_truncated()
    {
        var (bytes, issues) = Decode("#86)C\n`\nend\n");
        Assert.Equal("abc"u8.ToArray(), bytes);
        Assert.Equal(DecodeIssues.Truncated, issues);
    }

    [Fact]
    public void Uuencode_without_begin_and_end_lines_decodes_the_data_lines()
    {
        // zammad mail078: Content-Transfer-Encoding: x-uuencode with only the data lines.
        var (bytes, issues) = Decode(",2&5L;&\\@6F%M;6%D\r\n`\r\n");
        Assert.Equal("Hello Zammad", Encoding.ASCII.GetString(bytes));
        Assert.Equal(DecodeIssues.Truncated, issues);
    }

    [Fact]
    public void Uuencode_without_begin_line_skips_prose_around_the_data_lines()
    {
        var (bytes, issues) = Decode("Here is the file.\nTHE FILE\n\n" + RandomUuencodedLines + "`\n-- \nSent from my phone\n");
        Assert.Equal(RandomHex, Convert.ToHexStringLower(bytes));
        Assert.Equal(DecodeIssues.Truncated | DecodeIssues.InvalidCharacters, issues);
    }

    [Fact]
    public void Uuencode_prose_without_begin_line_gives_nothing()
    {
        var (bytes, issues) = Decode("Hello,\nPLEASE SEE BELOW.\n`\n!\n#86)\n~~~~\n");
        Assert.Empty(bytes);
        Assert.Equal(DecodeIssues.Truncated, issues);
    }

    [Fact]
    public void Uuencode_without_begin_line_gives_the_same_result_however_the_input_is_split()
    {
        DecoderHarness.AssertSplitInvariant(() => new UUDecoder(), Encoding.ASCII.GetBytes("note\r\n#86)C\r\n`\r\nsig\r\n"));
    }

    [Fact]
    public void Uuencode_text_after_end_is_ignored_and_flagged()
    {
        var (bytes, issues) = Decode("begin 644 abc.txt\n#86)C\n`\nend\n\n#86)C\nsignature\n");
        Assert.Equal("abc"u8.ToArray(), bytes);
        Assert.Equal(DecodeIssues.DataAfterEnd, issues);
    }

    [Fact]
    public void Uuencode_blank_lines_after_end_are_not_an_issue()
    {
        Assert.Equal(DecodeIssues.None, Decode("begin 644 abc.txt\n#86)C\n`\nend\r\n\r\n  \r\n").Issues);
    }

    [Fact]
    public void Uuencode_invalid_lines_inside_the_data_are_skipped_and_flagged()
    {
        var (bytes, issues) = Decode("begin 644 abc.txt\n#86)C\n~~~~\n" + new string('M', 300) + "\n#86)C\n`\nend\n");
        Assert.Equal("abcabc"u8.ToArray(), bytes);
        Assert.Equal(DecodeIssues.InvalidCharacters, issues);
    }

    [Fact]
    public void Uuencode_line_claiming_more_bytes_than_it_carries_cannot_expand_the_output()
    {
        // '_' announces 63 bytes on a two-byte line.
        var (bytes, _) = Decode("begin 644 x\n_\nend\n");
        Assert.True(bytes.Length <= 2);
    }

    [Fact]
    public void Uuencode_random_garbage_never_throws_and_never_expands()
    {
        var random = new Random(11);
        var alphabet = "begin 644 x\r\n`M#86)C_end"u8.ToArray();
        for (var round = 0; round < 500; round++)
        {
            var input = new byte[random.Next(0, 120)];
            for (var i = 0; i < input.Length; i++)
            {
                input[i] = alphabet[random.Next(alphabet.Length)];
            }

            var prefixed = "begin 644 x\n"u8.ToArray().Concat(input).ToArray();
            var output = DecoderHarness.Decode(new UUDecoder(), prefixed, Enumerable.Range(0, 200).Select(_ => random.Next(0, 7)));
            Assert.True(output.Length <= prefixed.Length);
            Assert.Equal(DecoderHarness.Decode(new UUDecoder(), prefixed, int.MaxValue), output);
        }
    }

    [Fact]
    public void Uuencode_reset_starts_over_looking_for_begin()
    {
        var decoder = new UUDecoder();
        DecoderHarness.DecodeWhole(decoder, "begin 644 a\n#86)C\n");
        decoder.Reset();
        // Still inside the data, the prose line and the begin line would be decoded as data lines.
        Assert.Equal("abc"u8.ToArray(), DecoderHarness.DecodeWhole(decoder, "Here it is:\nbegin 644 b\n#86)C\n`\nend\n"));
        Assert.Equal(DecodeIssues.None, decoder.Issues);
    }
}
