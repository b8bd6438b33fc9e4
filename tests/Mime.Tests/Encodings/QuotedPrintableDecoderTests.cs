using System.Text;
using MailTicketing.Mime.Encodings;

namespace MailTicketing.Mime.Tests.Encodings;

public class QuotedPrintableDecoderTests
{
    // Generated once with Python: quopri.encodestring(bytes.fromhex(ReferenceHex)).
    private const string ReferenceHex =
        "4772c3bcc39f6520617573204bc3b66c6e203d203130302520736963686572096d69742054616220756e642065696e2073656872"
        + "206c616e676572205361747a2c2064657220c3bc62657220646965204772656e7a6520766f6e207365636873756e6473696562"
        + "7a6967205a65696368656e2068696e617573676568742c2064616d69742065696e207765696368657220556d62727563682065"
        + "6e7473746568742e20200a5a7765697465205a65696c6520e4bda0e5a5bd";

    private const string ReferenceQuotedPrintable =
        "Gr=C3=BC=C3=9Fe aus K=C3=B6ln =3D 100% sicher\tmit Tab und ein sehr langer S=\n"
        + "atz, der =C3=BCber die Grenze von sechsundsiebzig Zeichen hinausgeht, damit=\n"
        + " ein weicher Umbruch entsteht. =20\nZweite Zeile =E4=BD=A0=E5=A5=BD";

    private static (string Text, DecodeIssues Issues) Decode(string input)
    {
        var decoder = new QuotedPrintableDecoder();
        var bytes = DecoderHarness.DecodeWhole(decoder, input);
        return (Encoding.Latin1.GetString(bytes), decoder.Issues);
    }

    [Fact]
    public void QuotedPrintable_reference_vector_decodes_without_issues()
    {
        var decoder = new QuotedPrintableDecoder();
        var bytes = DecoderHarness.DecodeWhole(decoder, ReferenceQuotedPrintable);
        Assert.Equal(ReferenceHex, Convert.ToHexStringLower(bytes));
        Assert.Equal(DecodeIssues.None, decoder.Issues);
    }

    [Fact]
    public void QuotedPrintable_reference_vector_with_crlf_decodes_the_same()
    {
        var decoder = new QuotedPrintableDecoder();
        var bytes = DecoderHarness.DecodeWhole(decoder, ReferenceQuotedPrintable.Replace("\n", "\r\n"));
        Assert.Equal(ReferenceHex.Replace("0a5a", "0d0a5a"), Convert.ToHexStringLower(bytes));
    }

    [Theory]
    [InlineData("=41=\r\nB=\r\n")]
    [InlineData("=41=4\r\n=\r")]
    [InlineData("a=\r\nb=3Dc=3d=\nd=  \r\ne=G=\r\n")]
    [InlineData("=\r=\r\n=4=\r\n= x==41=")]
    [InlineData("x = \t \r\ny\r\n")]
    public void QuotedPrintable_gives_the_same_result_however_the_input_is_split(string input)
    {
        DecoderHarness.AssertSplitInvariant(() => new QuotedPrintableDecoder(), Encoding.Latin1.GetBytes(input));
    }

    [Fact]
    public void QuotedPrintable_reference_vector_survives_every_split()
    {
        DecoderHarness.AssertSplitInvariant(() => new QuotedPrintableDecoder(), Encoding.ASCII.GetBytes(ReferenceQuotedPrintable));
    }

    [Theory]
    [InlineData("long=\r\nline", "longline")]
    [InlineData("long=\nline", "longline")]
    [InlineData("long= \r\nline", "longline")]
    [InlineData("long=\t \nline", "longline")]
    [InlineData("long=\rline", "longline")]
    [InlineData("a=\r\n=\r\nb", "ab")]
    public void QuotedPrintable_soft_line_breaks_are_removed(string input, string expected)
    {
        Assert.Equal((expected, DecodeIssues.None), Decode(input));
    }

    [Theory]
    [InlineData("=e9t=C3=A9", "\u00e9t\u00c3\u00a9")]
    [InlineData("=3d=3D", "==")]
    public void QuotedPrintable_hex_escapes_accept_either_case(string input, string expected)
    {
        Assert.Equal((expected, DecodeIssues.None), Decode(input));
    }

    [Theory]
    [InlineData("a=G1b", "a=G1b")]
    [InlineData("a=4Gb", "a=4Gb")]
    [InlineData("1+1=2", "1+1=2")]
    [InlineData("x==41", "x=A")]
    [InlineData("a = b", "a = b")]
    [InlineData("=\u00e9", "=\u00e9")]
    public void QuotedPrintable_invalid_escapes_are_kept_literally_and_flagged(string input, string expected)
    {
        Assert.Equal((expected, DecodeIssues.InvalidEscape), Decode(input));
    }

    [Fact]
    public void QuotedPrintable_escape_cut_off_at_the_end_is_kept()
    {
        Assert.Equal(("end=4", DecodeIssues.InvalidEscape), Decode("end=4"));
    }

    [Theory]
    [InlineData("end=")]
    [InlineData("end= ")]
    public void QuotedPrintable_soft_break_at_the_end_of_input_is_dropped(string input)
    {
        // Before a multipart boundary the parser hands over "text=" without its line break.
        Assert.Equal(("end", DecodeIssues.None), Decode(input));
    }

    [Fact]
    public void QuotedPrintable_trailing_whitespace_on_lines_is_kept()
    {
        Assert.Equal(("one  \r\ntwo\t\r\n", DecodeIssues.None), Decode("one  \r\ntwo\t\r\n"));
    }

    [Fact]
    public void QuotedPrintable_endless_whitespace_after_equals_is_not_a_soft_break()
    {
        var spaces = new string(' ', 40);
        Assert.Equal(("a=" + spaces + "b", DecodeIssues.InvalidEscape), Decode("a=" + spaces + "b"));
        Assert.Equal(("a=" + spaces + "\r\nb", DecodeIssues.InvalidEscape), Decode("a=" + spaces + "\r\nb"));
    }

    [Fact]
    public void QuotedPrintable_held_back_escape_released_late_still_fits_the_output()
    {
        // "=4" is held back; the "z" that shows it is not hex releases three bytes for one input byte.
        var decoder = new QuotedPrintableDecoder();
        var output = new byte[4];
        Assert.Equal(2, decoder.Decode("ab=4"u8, output));
        var one = new byte[1];
        Assert.Equal(1, decoder.Decode("z"u8, one));
        Assert.Equal((byte)'=', one[0]);
        var tail = new byte[decoder.MaxFlushLength];
        var n = decoder.Flush(tail);
        Assert.Equal("4z", Encoding.ASCII.GetString(tail, 0, n));
    }

    [Fact]
    public void QuotedPrintable_random_garbage_never_throws_and_never_expands()
    {
        var random = new Random(5);
        var alphabet = "=\r\n \tA4fgz"u8.ToArray();
        for (var round = 0; round < 500; round++)
        {
            var input = new byte[random.Next(0, 60)];
            for (var i = 0; i < input.Length; i++)
            {
                input[i] = alphabet[random.Next(alphabet.Length)];
            }

            var decoder = new QuotedPrintableDecoder();
            var output = DecoderHarness.Decode(decoder, input, Enumerable.Range(0, 100).Select(_ => random.Next(0, 5)));
            Assert.True(output.Length <= input.Length);
            Assert.Equal(DecoderHarness.Decode(new QuotedPrintableDecoder(), input, int.MaxValue), output);
        }
    }

    [Fact]
    public void QuotedPrintable_reset_clears_held_escape_and_issues()
    {
        var decoder = new QuotedPrintableDecoder();
        decoder.Decode("x=G=4"u8, new byte[5]);
        decoder.Reset();
        Assert.Equal(DecodeIssues.None, decoder.Issues);
        Assert.Equal("A"u8.ToArray(), DecoderHarness.DecodeWhole(decoder, "=41"));
    }
}
