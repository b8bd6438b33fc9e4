using System.Text;

namespace MailTicketing.Smtp.Tests;

public class SmtpReplyParserTests
{
    private static SmtpReply Parse(string text, out int consumed)
    {
        Assert.True(SmtpReplyParser.TryParse(Encoding.UTF8.GetBytes(text), out var reply, out consumed));
        return reply!;
    }

    [Fact]
    public void Multi_line_reply_keeps_every_line_and_consumes_up_to_the_last()
    {
        const string text = "250-mail.test\r\n250-PIPELINING\r\n250 SIZE 1000\r\n220 next";
        var reply = Parse(text, out var consumed);

        Assert.Equal(250, reply.Code);
        Assert.Equal(["mail.test", "PIPELINING", "SIZE 1000"], reply.Lines);
        Assert.Equal(text.IndexOf("220", StringComparison.Ordinal), consumed);
    }

    [Fact]
    public void Enhanced_status_code_is_split_from_the_text_of_every_line()
    {
        var reply = Parse("550-5.1.1 <x@y.test>: unknown\r\n550 5.1.1 see the manual\r\n", out _);

        Assert.Equal("5.1.1", reply.EnhancedStatus);
        Assert.Equal(["<x@y.test>: unknown", "see the manual"], reply.Lines);
        Assert.Equal("550 5.1.1 <x@y.test>: unknown see the manual", reply.ToString());
    }

    [Theory]
    [InlineData("250 2.0 ready\r\n")]
    [InlineData("250 4.1.1 class does not match the code\r\n")]
    [InlineData("250 2.1.1000 too many digits\r\n")]
    [InlineData("250 2.1.5ok\r\n")]
    public void Text_that_only_resembles_an_enhanced_code_stays_text(string text)
    {
        var reply = Parse(text, out _);

        Assert.Null(reply.EnhancedStatus);
        Assert.Equal(text[4..^2], reply.Text);
    }

    [Fact]
    public void Incomplete_reply_asks_for_more_bytes()
    {
        Assert.False(SmtpReplyParser.TryParse("250-first\r\n250-sec"u8, out var reply, out var consumed));
        Assert.Null(reply);
        Assert.Equal(0, consumed);
    }

    [Fact]
    public void Bare_lf_line_ends_and_a_code_without_text_are_accepted()
    {
        var reply = Parse("354\n", out var consumed);

        Assert.Equal(354, reply.Code);
        Assert.Equal([""], reply.Lines);
        Assert.Equal(4, consumed);
    }

    [Fact]
    public void Utf8_text_is_decoded()
    {
        Assert.Equal("邮件已接收", Parse("250 邮件已接收\r\n", out _).Text);
    }

    [Theory]
    [InlineData("hello\r\n")]
    [InlineData("25\r\n")]
    [InlineData("150 one-hundreds are not SMTP\r\n")]
    [InlineData("250x\r\n")]
    public void Lines_without_a_reply_code_are_a_protocol_error(string text)
    {
        Assert.Throws<SmtpProtocolException>(() => SmtpReplyParser.TryParse(Encoding.ASCII.GetBytes(text), out _, out _));
    }

    [Fact]
    public void An_endless_line_is_a_protocol_error_instead_of_unbounded_buffering()
    {
        var endless = Encoding.ASCII.GetBytes("250 " + new string('x', SmtpReplyParser.MaxLineLength + 10));

        Assert.Throws<SmtpProtocolException>(() => SmtpReplyParser.TryParse(endless, out _, out _));
    }

    [Theory]
    [InlineData(250, false, false)]
    [InlineData(354, false, false)]
    [InlineData(451, true, false)]
    [InlineData(552, false, true)]
    public void Reply_class_tells_transient_from_permanent(int code, bool transient, bool permanent)
    {
        var reply = Parse($"{code} text\r\n", out _);

        Assert.Equal(transient, reply.IsTransient);
        Assert.Equal(permanent, reply.IsPermanent);
        Assert.Equal(code < 400, reply.IsPositive);
    }
}
