using System.Text;
using MailTicketing.Mime.Mbox;
using MailTicketing.Mime.Tests.Support;

namespace MailTicketing.Mime.Tests.Mbox;

public sealed class MboxReaderTests
{
    [Fact]
    public void Messages_split_at_from_lines_after_an_empty_line_and_the_empty_line_is_dropped()
    {
        var mbox = Lf(
            "From alice@example.com Mon Jan  1 00:00:00 2024",
            "Subject: one",
            "",
            "first body",
            "",
            "From bob@example.com Tue Jan  2 00:00:00 2024",
            "Subject: two",
            "",
            "second body",
            "");

        var entries = ReadAll(mbox);

        Assert.Equal(2, entries.Count);
        Assert.Equal("From alice@example.com Mon Jan  1 00:00:00 2024", entries[0].FromLine);
        Assert.Equal("Subject: one\n\nfirst body\n", entries[0].Text);
        Assert.Equal("From bob@example.com Tue Jan  2 00:00:00 2024", entries[1].FromLine);
        Assert.Equal("Subject: two\n\nsecond body\n", entries[1].Text);
    }

    [Fact]
    public void Offsets_and_lengths_locate_each_message_in_the_file()
    {
        var mbox = Lf("From a", "S: 1", "", "x", "", "From b", "S: 2", "", "yy", "");
        var bytes = Encoding.ASCII.GetBytes(mbox);

        var entries = ReadAll(mbox);

        Assert.Equal(0, entries[0].Offset);
        Assert.Equal(7, entries[0].ContentOffset);
        Assert.Equal("S: 1\n\nx\n", Encoding.ASCII.GetString(bytes, (int)entries[0].ContentOffset, (int)entries[0].ContentLength!));
        Assert.Equal(mbox.IndexOf("From b", StringComparison.Ordinal), entries[1].Offset);
        Assert.Equal("S: 2\n\nyy\n", Encoding.ASCII.GetString(bytes, (int)entries[1].ContentOffset, (int)entries[1].ContentLength!));
        Assert.Equal([0, 1], entries.Select(e => e.Index));
    }

    [Fact]
    public void From_line_in_a_body_without_an_empty_line_before_it_is_content()
    {
        var entries = ReadAll(Lf("From a", "Subject: s", "", "quoted:", "From here on we differ", ""));

        var entry = Assert.Single(entries);
        Assert.Equal("Subject: s\n\nquoted:\nFrom here on we differ\n", entry.Text);
    }

    [Fact]
    public void Mboxrd_escaped_from_lines_lose_one_quote()
    {
        var entries = ReadAll(Lf("From a", "Subject: s", "", ">From the start", ">>From deeper", ">not a from line", "> From spaced", ""));

        Assert.Equal("Subject: s\n\nFrom the start\n>From deeper\n>not a from line\n> From spaced\n", Assert.Single(entries).Text);
    }

    [Fact]
    public void Crlf_mbox_splits_and_keeps_crlf_line_breaks()
    {
        var entries = ReadAll("From a\r\nSubject: 1\r\n\r\nbody\r\n\r\nFrom b\r\nSubject: 2\r\n\r\nbody\r\n\r\n");

        Assert.Equal(["Subject: 1\r\n\r\nbody\r\n", "Subject: 2\r\n\r\nbody\r\n"], entries.Select(e => e.Text));
        Assert.Equal(["From a", "From b"], entries.Select(e => e.FromLine));
    }

    [Fact]
    public void Cr_only_mbox_splits_like_lf()
    {
        var entries = ReadAll("From a\rSubject: 1\r\rbody\r\rFrom b\rSubject: 2\r\rbody\r");

        Assert.Equal(["Subject: 1\r\rbody\r", "Subject: 2\r\rbody\r"], entries.Select(e => e.Text));
    }

    [Fact]
    public void File_without_from_line_is_one_message_with_its_bytes_untouched()
    {
        var text = Lf("Subject: plain eml", "", "body", "", "", "end");

        var entry = Assert.Single(ReadAll(text));

        Assert.Null(entry.FromLine);
        Assert.Equal(0, entry.Offset);
        Assert.Equal(text, entry.Text);
    }

    [Fact]
    public void File_without_from_line_still_splits_at_a_later_separator()
    {
        var entries = ReadAll(Lf("Subject: first", "", "body", "", "From b", "Subject: second", "", "x"));

        Assert.Equal([null, "From b"], entries.Select(e => e.FromLine));
        Assert.Equal(["Subject: first\n\nbody\n", "Subject: second\n\nx"], entries.Select(e => e.Text));
    }

    [Fact]
    public void Empty_file_has_no_messages()
    {
        Assert.Empty(ReadAll(""));
    }

    [Fact]
    public void Byte_order_mark_and_leading_empty_lines_before_the_first_separator_are_skipped()
    {
        var entries = ReadAll("\uFEFF\n\nFrom a\nSubject: s\n\nb\n");

        var entry = Assert.Single(entries);
        Assert.Equal("From a", entry.FromLine);
        Assert.Equal(5, entry.Offset);
        Assert.Equal("Subject: s\n\nb\n", entry.Text);
    }

    [Fact]
    public void Byte_order_mark_is_not_part_of_a_message_without_separator()
    {
        var entry = Assert.Single(ReadAll("\uFEFFSubject: s\n\nb"));

        Assert.Equal(3, entry.Offset);
        Assert.Equal("Subject: s\n\nb", entry.Text);
    }

    [Fact]
    public void Several_empty_lines_before_a_separator_keep_all_but_the_last()
    {
        var entries = ReadAll(Lf("From a", "S: 1", "", "body", "", "", "", "From b", "S: 2", "", "x"));

        Assert.Equal("S: 1\n\nbody\n\n\n", entries[0].Text);
    }

    [Fact]
    public void Message_with_headers_only_before_the_next_separator_is_kept()
    {
        var entries = ReadAll(Lf("From a", "Subject: empty body", "", "From b", "Subject: next", "", "x"));

        Assert.Equal(["Subject: empty body\n", "Subject: next\n\nx"], entries.Select(e => e.Text));
    }

    [Fact]
    public void From_line_followed_by_a_header_field_separates_without_an_empty_line()
    {
        // Netscape and others wrote mboxes with no empty line between messages.
        var mbox = Lf("From - ", "Subject: 1", "", "abcd", "From - ", "Subject: 2", "", "x");

        var entries = ReadAll(mbox);

        Assert.Equal(["Subject: 1\n\nabcd\n", "Subject: 2\n\nx"], entries.Select(e => e.Text));
        Assert.Equal(["From - ", "From - "], entries.Select(e => e.FromLine));
        Assert.Equal(mbox.LastIndexOf("From - ", StringComparison.Ordinal), entries[1].Offset);
        Assert.Equal("Subject: 1\n\nabcd\n".Length, entries[0].ContentLength);
    }

    [Fact]
    public void From_line_followed_by_prose_or_another_from_line_is_content()
    {
        var mbox = Lf("From a", "Subject: s", "", "text", "From my point of view", "it works", "From x", "From y", "");

        var entry = Assert.Single(ReadAll(mbox));

        Assert.Equal("Subject: s\n\ntext\nFrom my point of view\nit works\nFrom x\nFrom y\n", entry.Text);
    }

    [Fact]
    public void From_line_as_the_last_line_is_content()
    {
        var entry = Assert.Single(ReadAll(Lf("From a", "Subject: s", "", "text", "From the end")));

        Assert.Equal("Subject: s\n\ntext\nFrom the end", entry.Text);
    }

    [Fact]
    public void Content_length_is_not_trusted_over_separators()
    {
        var mbox = Lf("From a", "Content-Length: 9999", "", "short", "", "From b", "Subject: 2", "", "x");

        var entries = ReadAll(mbox);

        Assert.Equal(["Content-Length: 9999\n\nshort\n", "Subject: 2\n\nx"], entries.Select(e => e.Text));
    }

    [Fact]
    public void Lines_longer_than_the_buffer_are_kept_whole_and_never_taken_for_separators()
    {
        var longLine = "start " + string.Concat(Enumerable.Repeat("From " + new string('x', 995), 200));
        var mbox = Lf("From a", "Subject: s", "", longLine, "", "From b", "", "y");

        var entries = ReadAll(mbox);

        Assert.Equal(2, entries.Count);
        Assert.Equal("Subject: s\n\n" + longLine + "\n", entries[0].Text);
    }

    [Fact]
    public void Skipped_entries_are_drained_and_get_their_length()
    {
        var mbox = Lf("From a", "S: 1", "", "one", "", "From b", "S: 2", "", "two", "");
        using var reader = new MboxReader(new MemoryStream(Encoding.ASCII.GetBytes(mbox)));

        var first = reader.ReadNext()!;
        var second = reader.ReadNext()!;

        Assert.Equal(10, first.ContentLength);
        Assert.Equal("From b", second.FromLine);
        Assert.Equal("S: 2\n\ntwo\n", ReadText(second));
        Assert.Null(reader.ReadNext());
    }

    [Fact]
    public void Content_is_gone_once_the_reader_moves_on()
    {
        using var reader = new MboxReader(new MemoryStream(Encoding.ASCII.GetBytes(Lf("From a", "", "x", "", "From b", "", "y"))));
        var first = reader.ReadNext()!;
        using var stream = first.OpenRead();

        reader.ReadNext();

        Assert.Throws<InvalidOperationException>(() => first.OpenRead());
        Assert.Throws<InvalidOperationException>(() => stream.ReadByte());
    }

    [Fact]
    public void Content_opens_only_once()
    {
        using var reader = new MboxReader(new MemoryStream(Encoding.ASCII.GetBytes(Lf("From a", "", "x"))));
        var entry = reader.ReadNext()!;
        using var stream = entry.OpenRead();

        Assert.Throws<InvalidOperationException>(() => entry.OpenRead());
    }

    [Fact]
    public void Reads_in_small_pieces_give_the_same_bytes()
    {
        var mbox = Lf("From a", "Subject: s", "", ">From x", "line two", "", "From b", "", "y");
        using var reader = new MboxReader(new MemoryStream(Encoding.ASCII.GetBytes(mbox)));
        var entry = reader.ReadNext()!;
        using var stream = entry.OpenRead();
        var collected = new MemoryStream();
        var buffer = new byte[3];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            collected.Write(buffer, 0, read);
        }

        Assert.Equal("Subject: s\n\nFrom x\nline two\n", Encoding.ASCII.GetString(collected.ToArray()));
    }

    [Fact]
    public void Entries_parse_as_mime_messages()
    {
        var mbox = Lf(
            "From a@example.com Mon Jan  1 00:00:00 2024",
            "From: Alice <a@example.com>",
            "Subject: first",
            "Content-Type: multipart/mixed; boundary=b",
            "",
            "--b",
            "Content-Type: text/plain",
            "",
            "hello",
            ">From the mbox",
            "--b--",
            "",
            "From b@example.com Mon Jan  1 00:00:00 2024",
            "Subject: second",
            "",
            "plain");
        using var reader = new MboxReader(new MemoryStream(Encoding.ASCII.GetBytes(mbox)));

        var subjects = new List<string?>();
        var bodies = new List<string?>();
        foreach (var entry in reader.ReadAll())
        {
            using var stream = entry.OpenRead();
            using var message = MimeMessage.Load(stream);
            subjects.Add(message.Subject);
            bodies.Add(message.TextBody);
        }

        Assert.Equal(["first", "second"], subjects);
        Assert.Equal(["hello\nFrom the mbox", "plain"], bodies);
    }

    [Fact]
    public void Large_mbox_streams_from_a_non_seekable_source()
    {
        // 3 messages around a 20 MB body, produced on the fly: the reader never needs the whole input.
        var head = Encoding.ASCII.GetBytes(Lf("From a", "Subject: 1", "", "x", "", "From b", "Subject: 2", "", ""));
        var tail = Encoding.ASCII.GetBytes(Lf("", "", "From c", "Subject: 3", "", "z", ""));
        const long MiddleLength = 20L * 1024 * 1024;
        using var source = new GeneratedStream(head, MiddleLength, i => i % 77 == 76 ? (byte)'\n' : (byte)'m', tail);
        using var reader = new MboxReader(source);

        var lengths = new List<long>();
        foreach (var entry in reader.ReadAll())
        {
            using var stream = entry.OpenRead();
            lengths.Add(Drain(stream));
        }

        Assert.Equal(3, lengths.Count);
        Assert.Equal("Subject: 2\n\n".Length + MiddleLength + 1, lengths[1]);
    }

    [Fact]
    public void Hostile_separator_longer_than_the_buffer_is_cut_and_skipped()
    {
        var fromLine = "From " + new string('a', 150_000);
        var entries = ReadAll(Lf(fromLine, "Subject: s", "", "b"));

        var entry = Assert.Single(entries);
        Assert.StartsWith("From aaa", entry.FromLine);
        Assert.Equal("Subject: s\n\nb", entry.Text);
        Assert.Equal(fromLine.Length + 1, entry.ContentOffset);
    }

    [Fact]
    public void Leaves_the_stream_open_when_asked()
    {
        var stream = new MemoryStream(Encoding.ASCII.GetBytes(Lf("From a", "", "x")));
        using (var reader = new MboxReader(stream, leaveOpen: true))
        {
            Assert.NotNull(reader.ReadNext());
        }

        Assert.True(stream.CanRead);
    }

    private static string Lf(params string[] lines) => string.Join("\n", lines);

    private static List<Read> ReadAll(string mbox)
    {
        using var reader = new MboxReader(new MemoryStream(Encoding.UTF8.GetBytes(mbox)));
        var result = new List<Read>();
        foreach (var entry in reader.ReadAll())
        {
            var text = ReadText(entry);
            result.Add(new Read(entry.Index, entry.Offset, entry.FromLine, entry.ContentOffset, entry.ContentLength, text));
        }

        return result;
    }

    private static string ReadText(MboxEntry entry)
    {
        using var stream = entry.OpenRead();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Encoding.UTF8.GetString(copy.ToArray());
    }

    private static long Drain(Stream stream)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    private sealed record Read(int Index, long Offset, string? FromLine, long ContentOffset, long? ContentLength, string Text);
}
