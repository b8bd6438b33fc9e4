using System.Text;
using MailTicketing.Imap.Tests.Support;

namespace MailTicketing.Imap.Tests.Client;

public sealed class MailboxTranscriptTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Select_reports_uidvalidity_uidnext_exists_and_flags()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.SendAsync("* OK [CAPABILITY IMAP4rev1] hi\r\n");
            var tag = await s.ExpectAsync("LOGIN user secret");
            await s.SendAsync($"{tag} OK done\r\n");
            tag = await s.ExpectAsync("CAPABILITY");
            await s.SendAsync($"* CAPABILITY IMAP4rev1 IDLE\r\n{tag} OK\r\n");
            tag = await s.ExpectAsync("SELECT &XfJZBHQG-/support");
            await s.SendAsync("* 172 EXISTS\r\n* 1 RECENT\r\n* OK [UNSEEN 12] Message 12 is first unseen\r\n"
                + "* OK [UIDVALIDITY 3857529045] UIDs valid\r\n* OK [UIDNEXT 4392] Predicted next UID\r\n"
                + "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n"
                + "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n"
                + $"{tag} OK [READ-WRITE] SELECT completed\r\n");
        });
        await using var client = await ImapClient.ConnectAsync(server.Options(), None);
        await client.AuthenticateAsync(ClientFactory.User, None);
        var info = await client.SelectAsync("已处理/support", None);
        await server.FinishAsync();

        Assert.Equal(new ImapUidValidity(3857529045), info.UidValidity);
        Assert.Equal(new ImapUid(4392), info.UidNext);
        Assert.Equal(172u, info.Exists);
        Assert.Equal(["\\Deleted", "\\Seen", "\\*"], info.PermanentFlags);
        Assert.Equal(5, info.Flags.Count);
        Assert.False(info.IsReadOnly);
        Assert.Equal(ImapClientState.Selected, client.State);
        Assert.Same(info, client.SelectedMailbox);
    }

    [Fact]
    public async Task Unknown_untagged_responses_and_codes_are_read_past_and_logged()
    {
        var log = new List<string>();
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            var tag = await s.ExpectAsync("NOOP");
            await s.SendAsync("* XSTRANGE (a {5}\r\nhe)lo [b]) \"q\" NIL\r\n* OK [XUNKNOWNCODE 1 (2)] whatever\r\n"
                + "* 9 XNUMBERED {3}\r\nabc\r\n* 4 EXISTS\r\n* 2 FETCH (FLAGS (\\Seen))\r\n" + $"{tag} OK [XDONE] NOOP done\r\n");
            tag = await s.ExpectAsync("NOOP");
            await s.SendAsync($"{tag} OK\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options(log.Add));
        await client.NoopAsync(None);
        await client.NoopAsync(None);
        await server.FinishAsync();

        Assert.Equal(4u, client.Exists);
        Assert.Contains("S: * XSTRANGE (a {5}[5 bytes] [b]) \"q\" NIL", log);
    }

    [Fact]
    public async Task Search_sends_non_ascii_text_as_a_literal_with_charset_and_sorts_the_uids()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync("IMAP4rev1");
            var tag = await s.ExpectAsync("UID SEARCH CHARSET UTF-8 SUBJECT {6}");
            await s.SendAsync("+ go ahead\r\n");
            Assert.Equal("提币"u8.ToArray(), await s.ReadBytesAsync(6));
            Assert.Equal(" UNSEEN", await s.ReadLineAsync());
            await s.SendAsync($"* SEARCH 9 3\r\n* SEARCH 5\r\n{tag} OK\r\n");
            tag = await s.ExpectAsync("UID SEARCH OR FROM \"a\\\"b\" HEADER \"Message-ID\" \"<x@y>\"");
            await s.SendAsync($"* SEARCH\r\n{tag} OK\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        var found = await client.SearchAsync(ImapSearchQuery.Subject("提币").And(ImapSearchQuery.Unseen), None);
        var none = await client.SearchAsync(ImapSearchQuery.Raw("OR FROM {0} HEADER {1} {2}", "a\"b", "Message-ID", "<x@y>"), None);
        await server.FinishAsync();

        Assert.Equal([new ImapUid(3), new ImapUid(5), new ImapUid(9)], found);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Search_from_a_uid_drops_the_last_message_the_server_adds_below_it()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            var tag = await s.ExpectAsync("UID SEARCH UID 41:*");
            await s.SendAsync($"* SEARCH 40\r\n{tag} OK\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        Assert.Empty(await client.SearchAsync(ImapSearchQuery.UidFrom(new ImapUid(41)), None));
        await server.FinishAsync();
    }

    [Fact]
    public async Task Fetch_streams_bodies_with_their_summaries_and_skips_what_the_callback_leaves_unread()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            var tag = await s.ExpectAsync("UID FETCH 1:2 (UID RFC822.SIZE FLAGS INTERNALDATE BODY.PEEK[])");
            await s.SendAsync("* 1 FETCH (UID 1 RFC822.SIZE 11 FLAGS (\\Seen $Ticketed) INTERNALDATE \"05-Mar-2024 06:07:08 +0800\" BODY[] {11}\r\nfirst body!)\r\n"
                + "* 2 FETCH (UID 2 RFC822.SIZE 6 FLAGS () INTERNALDATE \" 6-Mar-2024 06:07:08 +0000\" BODY[] {6}\r\nsecond)\r\n"
                + $"{tag} OK done\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        var seen = new List<(ImapMessageSummary Summary, string Body)>();
        var count = await client.FetchMessagesAsync(ImapUidSet.Range(new ImapUid(1), new ImapUid(2)), async (summary, body, ct) =>
        {
            var buffer = new byte[summary.Uid.Value == 1 ? 5 : 100];
            var read = await body.ReadAsync(buffer, ct);
            seen.Add((summary, Encoding.ASCII.GetString(buffer, 0, read)));
        }, None);
        await server.FinishAsync();

        Assert.Equal(2, count);
        Assert.Equal("first", seen[0].Body);
        Assert.Equal("second", seen[1].Body);
        Assert.Equal(11, seen[0].Summary.Size);
        Assert.Equal(["\\Seen", "$Ticketed"], seen[0].Summary.Flags);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 6, 7, 8, TimeSpan.FromHours(8)), seen[0].Summary.InternalDate);
        Assert.Equal(1u, seen[0].Summary.SequenceNumber);
        Assert.Empty(seen[1].Summary.Flags);
    }

    [Fact]
    public async Task A_body_that_comes_before_the_uid_is_spooled_and_handed_over_complete()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            var tag = await s.ExpectAsync("UID FETCH 9 (UID RFC822.SIZE FLAGS INTERNALDATE BODY.PEEK[])");
            await s.SendAsync("* 1 FETCH (BODY[] {5}\r\nhello FLAGS (\\Seen) UID 9 X-GM-LABELS (\"\\\\Inbox\"))\r\n"
                + "* 2 FETCH (BODY[] NIL UID 9)\r\n" + $"{tag} OK done\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        var bodies = new List<(ImapMessageSummary, string)>();
        await client.FetchMessagesAsync(ImapUidSet.Of(new ImapUid(9)), async (summary, body, ct) =>
            bodies.Add((summary, await new StreamReader(body).ReadToEndAsync(ct))), None);
        await server.FinishAsync();

        var (first, text) = bodies[0];
        Assert.Equal("hello", text);
        Assert.Equal(new ImapUid(9), first.Uid);
        Assert.Equal(5, first.Size);
        Assert.Null(first.InternalDate);
        Assert.Equal("", bodies[1].Item2);
    }

    [Fact]
    public async Task Fetch_ignores_unsolicited_fetches_and_the_last_message_below_an_open_range()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            var tag = await s.ExpectAsync("UID FETCH 41:* (UID RFC822.SIZE FLAGS INTERNALDATE BODY.PEEK[])");
            await s.SendAsync("* 2 FETCH (FLAGS (\\Seen))\r\n"
                + "* 3 FETCH (UID 40 RFC822.SIZE 3 FLAGS () INTERNALDATE \"05-Mar-2024 06:07:08 +0800\" BODY[] {3}\r\nold)\r\n"
                + $"{tag} OK done\r\n");
            tag = await s.ExpectAsync("UID FETCH 41:* (UID RFC822.SIZE FLAGS INTERNALDATE)");
            await s.SendAsync("* 3 FETCH (UID 40 RFC822.SIZE 3 FLAGS () INTERNALDATE \"05-Mar-2024 06:07:08 +0800\")\r\n" + $"{tag} OK done\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        var count = await client.FetchMessagesAsync(ImapUidSet.From(new ImapUid(41)), (_, _, _) => throw new InvalidOperationException("no message expected"), None);
        var summaries = await client.FetchSummariesAsync(ImapUidSet.From(new ImapUid(41)), None);
        await server.FinishAsync();

        Assert.Equal(0, count);
        Assert.Empty(summaries);
    }

    [Fact]
    public async Task Store_sends_silent_flag_changes()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            var tag = await s.ExpectAsync("UID STORE 3:5,8 +FLAGS.SILENT (\\Seen $Ticketed)");
            await s.SendAsync($"{tag} OK\r\n");
            tag = await s.ExpectAsync("UID STORE 3 -FLAGS.SILENT (\\Flagged)");
            await s.SendAsync($"{tag} OK\r\n");
            tag = await s.ExpectAsync("UID STORE 3 FLAGS.SILENT ()");
            await s.SendAsync($"{tag} OK\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        await client.StoreFlagsAsync(ImapUidSet.Of([new(3), new(4), new(5), new(8)]), ImapStoreMode.Add, [ImapFlags.Seen, "$Ticketed"], None);
        await client.StoreFlagsAsync(ImapUidSet.Of(new ImapUid(3)), ImapStoreMode.Remove, [ImapFlags.Flagged], None);
        await client.StoreFlagsAsync(ImapUidSet.Of(new ImapUid(3)), ImapStoreMode.Replace, [], None);
        await server.FinishAsync();
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("\\")]
    [InlineData("(x")]
    [InlineData("a]")]
    public async Task Invalid_flags_are_refused_before_anything_is_sent(string flag)
    {
        await using var server = FakeImapServer.Start(s => s.GreetLoginSelectAsync());
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        await Assert.ThrowsAsync<ArgumentException>(() => client.StoreFlagsAsync(ImapUidSet.Of(new ImapUid(1)), ImapStoreMode.Add, [flag], None));
    }

    [Fact]
    public async Task Move_uses_move_when_offered_and_creates_the_folder_on_trycreate()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync("IMAP4rev1 MOVE");
            var tag = await s.ExpectAsync("UID MOVE 5 Processed");
            await s.SendAsync($"{tag} NO [TRYCREATE] Mailbox doesn't exist\r\n");
            tag = await s.ExpectAsync("CREATE Processed");
            await s.SendAsync($"{tag} OK\r\n");
            tag = await s.ExpectAsync("UID MOVE 5 Processed");
            await s.SendAsync($"* OK [COPYUID 9 5 1] Moved\r\n* 1 EXPUNGE\r\n{tag} OK\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        Assert.Equal(ImapMoveMethod.Move, await client.MoveAsync(ImapUidSet.Of(new ImapUid(5)), "Processed", None));
        await server.FinishAsync();
        Assert.Equal(2u, client.Exists);
    }

    [Fact]
    public async Task Without_move_a_move_is_copy_then_deleted_then_uid_expunge_of_those_uids()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync("IMAP4rev1 UIDPLUS");
            var tag = await s.ExpectAsync("UID COPY 5:6 Processed");
            await s.SendAsync($"{tag} OK [COPYUID 9 5:6 1:2] Done\r\n");
            tag = await s.ExpectAsync("UID STORE 5:6 +FLAGS.SILENT (\\Deleted)");
            await s.SendAsync($"{tag} OK\r\n");
            tag = await s.ExpectAsync("UID EXPUNGE 5:6");
            await s.SendAsync($"* 2 EXPUNGE\r\n* 1 EXPUNGE\r\n{tag} OK\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        Assert.Equal(ImapMoveMethod.CopyAndExpunge, await client.MoveAsync(ImapUidSet.Range(new ImapUid(5), new ImapUid(6)), "Processed", None));
        await server.FinishAsync();
        Assert.Equal(1u, client.Exists);
    }

    [Fact]
    public async Task Without_move_or_uidplus_a_move_copies_and_marks_deleted_but_expunges_nothing()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync("IMAP4rev1");
            var tag = await s.ExpectAsync("UID COPY 5 Processed");
            await s.SendAsync($"{tag} OK\r\n");
            tag = await s.ExpectAsync("UID STORE 5 +FLAGS.SILENT (\\Deleted)");
            await s.SendAsync($"{tag} OK\r\n");
            tag = await s.ExpectAsync("NOOP");
            await s.SendAsync($"{tag} OK\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        Assert.Equal(ImapMoveMethod.CopyAndMarkDeleted, await client.MoveAsync(ImapUidSet.Of(new ImapUid(5)), "Processed", None));
        await client.NoopAsync(None);
        await server.FinishAsync();
    }

    [Fact]
    public async Task Append_waits_for_the_continuation_without_literal_plus_and_returns_the_new_uid()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync("IMAP4rev1 UIDPLUS");
            var tag = await s.ExpectAsync("APPEND INBOX (\\Seen) \"05-Mar-2024 06:07:08 +0800\" {7}");
            await s.SendAsync("+ Ready for literal data\r\n");
            Assert.Equal("message", await s.ReadLineAsync());
            await s.SendAsync($"{tag} OK [APPENDUID 7 12] Append completed\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        var uid = await client.AppendAsync("INBOX", new MemoryStream("message"u8.ToArray()), [ImapFlags.Seen], new DateTimeOffset(2024, 3, 5, 6, 7, 8, TimeSpan.FromHours(8)), None);
        await server.FinishAsync();
        Assert.Equal(new ImapUid(12), uid);
    }

    [Fact]
    public async Task Append_with_literal_plus_sends_everything_at_once()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync("IMAP4rev1 LITERAL+");
            var tag = await s.ExpectAsync("APPEND &XfJZBHQG- {7+}");
            Assert.Equal("message", await s.ReadLineAsync());
            await s.SendAsync($"{tag} OK Append completed\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        Assert.Null(await client.AppendAsync("已处理", new MemoryStream("message"u8.ToArray()), cancellationToken: None));
        await server.FinishAsync();
    }

    [Fact]
    public async Task An_append_refused_instead_of_the_continuation_sends_no_literal_and_the_client_carries_on()
    {
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync("IMAP4rev1");
            var tag = await s.ExpectAsync("APPEND Missing {7}");
            await s.SendAsync($"{tag} NO [TRYCREATE] No such mailbox\r\n");
            tag = await s.ExpectAsync("NOOP");
            await s.SendAsync($"{tag} OK\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());
        var error = await Assert.ThrowsAsync<ImapCommandException>(() => client.AppendAsync("Missing", new MemoryStream("message"u8.ToArray()), cancellationToken: None));
        Assert.Equal("TRYCREATE", error.ResponseCode);
        await client.NoopAsync(None);
        await server.FinishAsync();
    }
}
