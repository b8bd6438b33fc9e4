using MailTicketing.Imap.Protocol;
using MailTicketing.Imap.Tests.Support;

namespace MailTicketing.Imap.Tests.Protocol;

public sealed class ImapResponseParserTests
{
    [Fact]
    public async Task Nested_lists_nil_and_strings_keep_their_structure()
    {
        var values = await ImapResponseParser.ReadValuesToEndOfLineAsync(Wire.Reader("(a (b (c NIL)) \"d e\") NIL x\r\n"));
        Assert.Equal("(a (b (c NIL)) \"d e\") NIL x", string.Join(' ', values));
        var inner = values[0].List[1].List[1];
        Assert.Equal(ImapValueKind.Nil, inner.List[1].Kind);
        Assert.Equal("d e", values[0].List[2].AsString());
    }

    [Fact]
    public async Task A_literal_in_the_middle_of_a_list_is_read_as_a_string_and_the_list_goes_on()
    {
        var values = await ImapResponseParser.ReadValuesToEndOfLineAsync(Wire.Reader("(\"x\" {11}\r\nline\r\nbreak \"y\" (z))\r\nNEXT\r\n", bytesPerRead: 3));
        var list = Assert.Single(values).List;
        Assert.Equal(["x", "line\r\nbreak", "y"], list.Take(3).Select(v => v.AsString()));
        Assert.Equal("z", list[3].List[0].AsString());
    }

    [Fact]
    public async Task A_literal_too_long_for_a_string_is_skipped_with_its_length()
    {
        var big = new string('x', ImapReader.MaxInlineLiteral + 1);
        var reader = Wire.Reader($"(a {{{big.Length}}}\r\n{big} b)\r\nAFTER\r\n");
        var list = Assert.Single(await ImapResponseParser.ReadValuesToEndOfLineAsync(reader)).List;
        Assert.Equal(ImapValueKind.SkippedLiteral, list[1].Kind);
        Assert.Equal(big.Length, list[1].Length);
        Assert.Equal("b", list[2].AsString());
        Assert.Equal("AFTER", (await reader.ReadTokenAsync()).Text);
    }

    [Fact]
    public async Task A_response_code_is_read_with_its_arguments_then_the_text()
    {
        var reader = Wire.Reader("[PERMANENTFLAGS (\\Answered \\*)] Flags permitted.\r\n");
        var (code, text) = await ImapResponseParser.ReadResponseTextAsync(reader);
        Assert.Equal("PERMANENTFLAGS", code!.Name);
        Assert.Equal(["\\Answered", "\\*"], code.Arguments[0].List.Select(v => v.AsString()));
        Assert.Equal("Flags permitted.", text);
    }

    [Fact]
    public async Task Text_without_a_code_may_hold_brackets_quotes_and_parentheses()
    {
        var (code, text) = await ImapResponseParser.ReadResponseTextAsync(Wire.Reader("Done (0.001 + 0.000 secs) \"odd [x\r\n"));
        Assert.Null(code);
        Assert.Equal("Done (0.001 + 0.000 secs) \"odd [x", text);
    }

    [Fact]
    public async Task Lists_nested_deeper_than_the_limit_are_refused()
    {
        var reader = Wire.Reader(new string('(', 100) + new string(')', 100) + "\r\n");
        await Assert.ThrowsAsync<ImapProtocolException>(async () => await ImapResponseParser.ReadValuesToEndOfLineAsync(reader));
    }

    [Fact]
    public async Task A_list_that_runs_into_the_line_end_is_a_protocol_error()
    {
        var reader = Wire.Reader("(a b\r\n");
        await Assert.ThrowsAsync<ImapProtocolException>(async () => await ImapResponseParser.ReadValuesToEndOfLineAsync(reader));
    }

    [Theory]
    [InlineData("17-Jul-1996 02:44:25 -0700", "1996-07-17T02:44:25-07:00")]
    [InlineData(" 7-Jul-1996 02:44:25 +0800", "1996-07-07T02:44:25+08:00")]
    [InlineData("07-Jul-1996 02:44:25 +0000", "1996-07-07T02:44:25+00:00")]
    public void Internal_dates_parse_with_their_zone(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ImapDateTime.Parse(text));

    [Theory]
    [InlineData("yesterday")]
    [InlineData("17-Jul-1996 02:44:25")]
    [InlineData("17-Jul-1996 02:44:25 -07:00")]
    [InlineData("31-Feb-1996 02:44:25 +0000")]
    public void Unreadable_internal_dates_are_null(string text) => Assert.Null(ImapDateTime.Parse(text));

    [Fact]
    public void Internal_dates_are_written_as_rfc_3501_date_time()
    {
        var value = new DateTimeOffset(2024, 3, 5, 6, 7, 8, TimeSpan.FromHours(-3.5));
        Assert.Equal("05-Mar-2024 06:07:08 -0330", ImapDateTime.Format(value));
        Assert.Equal(value, ImapDateTime.Parse(ImapDateTime.Format(value)));
    }
}
