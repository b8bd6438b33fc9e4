using System.Text;
using MailTicketing.Mime.Writing;

namespace MailTicketing.Mime.Tests.Writing;

public class QuotedPrintableTests
{
    private static string Encode(string text)
    {
        using var output = new MemoryStream();
        using (var sink = new AsciiSink(output))
        {
            QuotedPrintableWriter.Write(Encoding.UTF8.GetBytes(MimeTreeBuilder.NormalizeLineBreaks(text)), sink);
        }

        return Encoding.ASCII.GetString(output.ToArray());
    }

    /// <summary>A reference decoder written from RFC 2045 §6.7, to check that encoding round-trips.</summary>
    private static string Decode(string encoded)
    {
        var bytes = new List<byte>();
        var lines = encoded.Split("\r\n");
        for (var l = 0; l < lines.Length - 1; l++)
        {
            var line = lines[l];
            var soft = line.EndsWith('=');
            if (soft)
            {
                line = line[..^1];
            }

            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] == '=')
                {
                    bytes.Add(Convert.ToByte(line.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    bytes.Add((byte)line[i]);
                }
            }

            if (!soft && l < lines.Length - 2)
            {
                bytes.AddRange("\r\n"u8.ToArray());
            }
        }

        return new UTF8Encoding(false, true).GetString(bytes.ToArray());
    }

    [Fact]
    public void Trailing_space_and_tab_before_a_line_break_are_encoded()
    {
        Assert.Equal("hello=20\r\nworld\t=09\r\n", Encode("hello \nworld\t\t"));
    }

    [Fact]
    public void Equals_sign_is_always_encoded()
    {
        Assert.Equal("a=3Db=3D=3D\r\n", Encode("a=b=="));
    }

    [Fact]
    public void Long_line_gets_soft_breaks_and_no_line_exceeds_76()
    {
        var text = string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog. ", 20));
        var encoded = Encode(text);
        var lines = encoded.Split("\r\n")[..^1];

        Assert.True(lines.Length > 10);
        Assert.All(lines, l => Assert.True(l.Length <= 76, l));
        Assert.All(lines[..^1], l => Assert.EndsWith("=", l));
        Assert.Equal(text, Decode(encoded));
    }

    [Fact]
    public void Soft_break_never_splits_an_escape_or_a_character()
    {
        // Offsets every alignment of 3-octet characters against the 76-column limit.
        for (var pad = 0; pad < 12; pad++)
        {
            var text = new string('a', pad) + string.Concat(Enumerable.Repeat("é中😀=", 30));
            var encoded = Encode(text);
            foreach (var line in encoded.Split("\r\n")[..^1])
            {
                Assert.True(line.Length <= 76, line);
                var body = line.EndsWith('=') ? line[..^1] : line;
                Assert.DoesNotMatch("=.?$", body);

                // Every physical line holds whole UTF-8 sequences, so it decodes on its own.
                Decode(body + "\r\n");
            }

            Assert.Equal(text, Decode(encoded));
        }
    }

    [Fact]
    public void Lone_lf_and_cr_become_crlf_line_breaks()
    {
        Assert.Equal("a\r\nb\r\nc\r\nd\r\n", Encode("a\nb\rc\r\nd"));
    }

    [Fact]
    public void Control_characters_and_non_ascii_are_escaped()
    {
        Assert.Equal("=00=1B=7F=C3=A9\r\n", Encode("\0\u001b\u007fé"));
    }

    [Fact]
    public void Leading_dot_and_from_are_escaped_to_survive_smtp_and_mbox()
    {
        Assert.Equal("=2E\r\n=46rom here\r\nFrom\r\n", Encode(".\nFrom here\nFrom"));
    }

    [Fact]
    public void Line_of_exactly_76_characters_needs_no_soft_break()
    {
        var line = new string('x', 76);

        Assert.Equal(line + "\r\n", Encode(line));
        Assert.Equal(new string('x', 75) + "=\r\nxx\r\n", Encode(new string('x', 77)));
    }

    [Fact]
    public void Trailing_space_at_a_soft_break_position_is_still_encoded_at_the_hard_line_end()
    {
        var text = new string('x', 74) + " ";
        var encoded = Encode(text);

        Assert.All(encoded.Split("\r\n"), l => Assert.False(l.EndsWith(' ')));
        Assert.Equal(text, Decode(encoded));
    }

    [Fact]
    public void Random_text_round_trips_and_respects_line_limits()
    {
        var random = new Random(7);
        var alphabet = "ab =.\t\r\n中é😀F".EnumerateRunes().Select(r => r.ToString()).ToArray();
        for (var n = 0; n < 200; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 300)).Select(_ => alphabet[random.Next(alphabet.Length)]));
            var encoded = Encode(text);

            Assert.All(encoded.Split("\r\n"), l => Assert.True(l.Length <= 76 && !l.EndsWith(' ') && !l.EndsWith('\t'), l));
            Assert.Equal(MimeTreeBuilder.NormalizeLineBreaks(text), Decode(encoded));
        }
    }
}
