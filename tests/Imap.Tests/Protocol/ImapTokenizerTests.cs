using System.Text;
using MailTicketing.Imap.Protocol;
using MailTicketing.Imap.Tests.Support;

namespace MailTicketing.Imap.Tests.Protocol;

public sealed class ImapTokenizerTests
{
    [Fact]
    public void A_status_line_splits_into_star_atoms_brackets_and_end_of_line()
    {
        var tokens = Wire.Tokens("* OK [UIDVALIDITY 3857529045] UIDs valid\r\n");
        Assert.Equal(
            ["*", "OK", "[", "UIDVALIDITY", "3857529045", "]", "UIDs", "valid", "end of line"],
            tokens.Select(t => t.ToString()));
    }

    [Fact]
    public void Body_section_brackets_are_tokens_of_their_own()
    {
        var tokens = Wire.Tokens("BODY[HEADER.FIELDS (SUBJECT)]<0> {3}\r\n");
        Assert.Equal(["BODY", "[", "HEADER.FIELDS", "(", "SUBJECT", ")", "]", "<0>", "{3}"], tokens.Select(t => t.ToString()));
        Assert.Equal(3, tokens[^1].LiteralLength);
    }

    [Fact]
    public void Quoted_strings_lose_their_escapes_and_keep_utf8()
    {
        var token = Assert.Single(Wire.Tokens("\"a \\\"quoted\\\" \\\\ 提币\""));
        Assert.Equal(ImapTokenKind.QuotedString, token.Kind);
        Assert.Equal("a \"quoted\" \\ 提币", token.Text);
    }

    [Theory]
    [InlineData("NIL")]
    [InlineData("nil")]
    [InlineData("Nil")]
    public void Nil_is_recognised_in_any_case(string text) =>
        Assert.Equal(ImapTokenKind.Nil, Wire.Tokens(text + " ")[0].Kind);

    [Fact]
    public void Flags_keep_their_backslash_and_the_wildcard_flag_stays_one_atom()
    {
        var tokens = Wire.Tokens("(\\Seen \\* $Label)\r\n");
        Assert.Equal(["(", "\\Seen", "\\*", "$Label", ")", "end of line"], tokens.Select(t => t.ToString()));
    }

    [Theory]
    [InlineData("ATOM")]
    [InlineData("\"unterminated")]
    [InlineData("{12")]
    [InlineData("{12}")]
    [InlineData("{12}\r")]
    [InlineData("\r")]
    [InlineData("   ")]
    public void An_incomplete_token_asks_for_more_bytes(string text)
    {
        Assert.False(ImapTokenizer.TryRead(Encoding.UTF8.GetBytes(text), 1000, out _, out var consumed));
        Assert.Equal(0, consumed);
    }

    [Fact]
    public void A_bare_line_feed_ends_the_line_too()
    {
        Assert.Equal(["OK", "end of line", "NO"], Wire.Tokens("OK\nNO ").Take(2).Append(Wire.Tokens("NO ")[0]).Select(t => t.ToString()));
        Assert.True(ImapTokenizer.TryRead("\n"u8, 1000, out var token, out var consumed));
        Assert.Equal((ImapTokenKind.Eoln, 1), (token.Kind, consumed));
    }

    [Theory]
    [InlineData("{99999999999999999999}\r\n", "more than 18 digits")]
    [InlineData("{4294967296}\r\n", "limit of 1,048,576")]
    [InlineData("{1048577}\r\n", "limit of 1,048,576")]
    public void A_literal_longer_than_the_limit_is_refused_before_any_byte_is_read(string header, string expected)
    {
        var error = Assert.Throws<ImapProtocolException>(() => ImapTokenizer.TryRead(Encoding.ASCII.GetBytes(header), 1024 * 1024, out _, out _));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{12a}\r\n")]
    [InlineData("{}\r\n")]
    [InlineData("{12} x")]
    public void A_malformed_literal_header_is_a_protocol_error(string header) =>
        Assert.Throws<ImapProtocolException>(() => ImapTokenizer.TryRead(Encoding.ASCII.GetBytes(header), 1000, out _, out _));

    [Fact]
    public void A_quoted_string_that_runs_into_the_line_end_is_a_protocol_error() =>
        Assert.Throws<ImapProtocolException>(() => ImapTokenizer.TryRead("\"abc\r\n\""u8, 1000, out _, out _));

    [Fact]
    public void A_literal_header_with_plus_and_a_literal8_header_are_read_like_literals()
    {
        Assert.True(ImapTokenizer.TryRead("{5+}\r\nhello"u8, 1000, out var plus, out var consumed));
        Assert.Equal((ImapTokenKind.Literal, 5L, 6), (plus.Kind, plus.LiteralLength, consumed));
        Assert.True(ImapTokenizer.TryRead("~{7}\r\n"u8, 1000, out var binary, out _));
        Assert.Equal((ImapTokenKind.Literal, 7L), (binary.Kind, binary.LiteralLength));
    }

    [Fact]
    public async Task Tokens_split_across_one_byte_reads_come_out_whole()
    {
        var reader = Wire.Reader("* 12 FETCH (UID 7 INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" BODY[] {5}\r\nhello)\r\n", bytesPerRead: 1);
        var tokens = new List<string>();
        while (true)
        {
            var token = await reader.ReadTokenAsync();
            tokens.Add(token.ToString());
            if (token.Kind == ImapTokenKind.Literal)
            {
                tokens.Add(await reader.ReadLiteralStringAsync() ?? "");
            }

            if (token.Kind == ImapTokenKind.Eoln)
            {
                break;
            }
        }

        Assert.Equal(
            ["*", "12", "FETCH", "(", "UID", "7", "INTERNALDATE", "\"17-Jul-1996 02:44:25 -0700\"", "BODY", "[", "]", "{5}", "hello", ")", "end of line"],
            tokens);
    }

    [Fact]
    public async Task An_atom_longer_than_the_token_limit_ends_the_connection()
    {
        var reader = Wire.Reader(new string('a', ImapReader.MaxTokenBytes + 10) + " \r\n");
        await Assert.ThrowsAsync<ImapProtocolException>(async () => await reader.ReadTokenAsync());
    }

    [Fact]
    public async Task The_end_of_the_stream_in_a_literal_says_how_much_is_missing()
    {
        var reader = Wire.Reader("BODY[] {100}\r\nonly twenty bytes...");
        while ((await reader.ReadTokenAsync()).Kind != ImapTokenKind.Literal)
        {
        }

        var error = await Assert.ThrowsAsync<ImapConnectionLostException>(async () => await reader.SkipLiteralAsync());
        Assert.Contains("middle of a literal (80 bytes missing)", error.Message, StringComparison.Ordinal);
    }
}
