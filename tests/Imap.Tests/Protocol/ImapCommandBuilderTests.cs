using System.Text;
using MailTicketing.Imap.Protocol;

namespace MailTicketing.Imap.Tests.Protocol;

public sealed class ImapCommandBuilderTests
{
    [Theory]
    [InlineData("support", "support")]
    [InlineData("with space", "\"with space\"")]
    [InlineData("quote\"and\\slash", "\"quote\\\"and\\\\slash\"")]
    [InlineData("", "\"\"")]
    [InlineData("NIL", "\"NIL\"")]
    [InlineData("a(b", "\"a(b\"")]
    [InlineData("list*", "\"list*\"")]
    [InlineData("[Gmail]/Sent", "[Gmail]/Sent")]
    public void Astrings_are_atoms_when_they_can_be_and_quoted_otherwise(string value, string wire) =>
        Assert.Equal("X " + wire, Text(new ImapCommandBuilder("X").Raw(" ").AString(value)));

    [Fact]
    public void Eight_bit_and_line_breaks_go_out_as_literals()
    {
        var parts = new ImapCommandBuilder("LOGIN").Raw(" ").AString("密码").Raw(" ").AString("a\r\nb").Build();
        Assert.Equal(4, parts.Count);
        Assert.Equal("密码"u8.ToArray(), parts[1].Bytes.ToArray());
        Assert.True(parts[1].IsLiteral);
        Assert.Equal("a\r\nb"u8.ToArray(), parts[3].Bytes.ToArray());
    }

    [Fact]
    public void Mailbox_names_are_sent_in_modified_utf7_and_inbox_in_capitals()
    {
        Assert.Equal("SELECT \"&XfJZBHQG- &- done\"", Text(new ImapCommandBuilder("SELECT").Raw(" ").Mailbox("已处理 & done")));
        Assert.Equal("SELECT INBOX", Text(new ImapCommandBuilder("SELECT").Raw(" ").Mailbox("inbox")));
    }

    [Fact]
    public void Secrets_are_masked_in_the_log_as_atom_quoted_or_literal()
    {
        var builder = new ImapCommandBuilder("LOGIN").Raw(" ").AString("user").Raw(" ").AString("hunter2", secret: true)
            .Raw(" ").AString("two words", secret: true).Raw(" ").AString("密码", secret: true);
        Assert.Equal("LOGIN user ******** ******** {6}********", builder.LogText);
    }

    private static string Text(ImapCommandBuilder builder) =>
        string.Concat(builder.Build().Select(p => Encoding.UTF8.GetString(p.Bytes.Span)));
}
