using System.Text;

namespace MailTicketing.Smtp.Tests;

public class DotStufferTests
{
    private static string Stuff(string input, int chunk = 4096, int outputSize = 4096)
    {
        var bytes = Encoding.UTF8.GetBytes(input);
        var stuffer = new DotStuffer();
        var output = new byte[Math.Max(outputSize, DotStuffer.MaxTrailer)];
        var result = new List<byte>();
        for (var offset = 0; offset < bytes.Length; offset += chunk)
        {
            var piece = bytes.AsSpan(offset, Math.Min(chunk, bytes.Length - offset));
            while (!piece.IsEmpty)
            {
                stuffer.Transform(piece, output, out var consumed, out var written);
                result.AddRange(output.AsSpan(0, written));
                piece = piece[consumed..];
            }
        }

        result.AddRange(output.AsSpan(0, stuffer.Finish(output)));
        return Encoding.UTF8.GetString(result.ToArray());
    }

    [Fact]
    public void Dots_at_line_starts_are_doubled_and_others_left_alone()
    {
        Assert.Equal("..first\r\na.b\r\n...\r\n..\r\n.\r\n", Stuff(".first\r\na.b\r\n..\r\n.\r\n"));
    }

    [Fact]
    public void Bare_lf_and_bare_cr_become_crlf_so_no_early_end_of_data_can_hide_in_the_body()
    {
        Assert.Equal("a\r\n..\r\nb\r\n..\r\nc\r\n.\r\n", Stuff("a\n.\nb\r.\rc"));
    }

    [Fact]
    public void Last_line_without_line_break_gets_one_before_the_end_of_data()
    {
        Assert.Equal("no break\r\n.\r\n", Stuff("no break"));
        Assert.Equal("cr at end\r\n.\r\n", Stuff("cr at end\r"));
    }

    [Fact]
    public void Empty_message_is_just_the_end_of_data_line()
    {
        Assert.Equal(".\r\n", Stuff(""));
    }

    [Fact]
    public void Chunk_boundaries_between_cr_and_lf_or_before_a_dot_change_nothing()
    {
        const string input = "line one\r\n.dot\r\n\r\n..two\r\nend.\r\n.";
        var whole = Stuff(input);

        Assert.Equal(whole, Stuff(input, chunk: 1));
        Assert.Equal(whole, Stuff(input, chunk: 3, outputSize: DotStuffer.MaxExpansion));
    }
}
