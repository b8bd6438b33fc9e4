using MailTicketing.Mime.Writing;

namespace MailTicketing.Mime.Tests.Writing;

public class HeaderFoldingTests
{
    [Fact]
    public void Long_ascii_subject_folds_at_whitespace_within_78_columns()
    {
        var subject = string.Join(' ', Enumerable.Range(0, 60).Select(i => "word" + i));
        var bytes = MessageWriter.ToBytes(TestMessages.Minimal(subject));

        var lines = Wire.FieldLines(bytes, "Subject");
        Assert.True(lines.Length > 3);
        Assert.All(lines, l => Assert.True(l.Length <= 78, l));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(" ", l));
        Assert.Equal(subject, Wire.DecodeField(bytes, "Subject"));
        Wire.AssertStrict(bytes);
    }

    [Fact]
    public void Unbreakable_ascii_word_gets_its_own_line_and_stays_plain()
    {
        var url = "https://example.com/" + new string('a', 150);
        var bytes = MessageWriter.ToBytes(TestMessages.Minimal("see " + url + " now"));

        var lines = Wire.FieldLines(bytes, "Subject");
        Assert.Equal(["Subject: see", " " + url, " now"], lines);
    }

    [Fact]
    public void Word_longer_than_a_line_can_hold_is_encoded_so_lines_stay_short()
    {
        var word = new string('x', 2000);
        var bytes = MessageWriter.ToBytes(TestMessages.Minimal("a " + word + " b"));

        Assert.All(Wire.FieldLines(bytes, "Subject"), l => Assert.True(l.Length <= 78, l));
        Assert.Equal("a " + word + " b", Wire.DecodeField(bytes, "Subject"));
        Wire.AssertStrict(bytes);
    }

    [Fact]
    public void Long_whitespace_run_is_kept_inside_encoded_words()
    {
        var subject = "a" + new string(' ', 1200) + "b";
        var bytes = MessageWriter.ToBytes(TestMessages.Minimal(subject));

        Assert.All(Wire.FieldLines(bytes, "Subject"), l => Assert.True(l.Length <= 78, l));
        Assert.Equal(subject, Wire.DecodeField(bytes, "Subject"));
    }

    [Fact]
    public void Address_list_folds_between_mailboxes()
    {
        var message = TestMessages.Minimal();
        message.To.Clear();
        for (var i = 0; i < 12; i++)
        {
            message.To.Add(new MailboxAddress("Customer Number " + i, $"customer{i}@example.org"));
        }

        var bytes = MessageWriter.ToBytes(message);
        var lines = Wire.FieldLines(bytes, "To");

        Assert.True(lines.Length >= 6);
        Assert.All(lines, l => Assert.True(l.Length <= 78, l));
        Assert.Equal(
            string.Join(", ", Enumerable.Range(0, 12).Select(i => $"Customer Number {i} <customer{i}@example.org>")),
            string.Concat(lines)["To: ".Length..]);
    }

    [Fact]
    public void References_fold_between_ids()
    {
        var message = TestMessages.Minimal();
        message.References.AddRange(Enumerable.Range(0, 10).Select(i => $"reference-{i}.abcdefgh@mail.example.net"));
        var bytes = MessageWriter.ToBytes(message);

        var lines = Wire.FieldLines(bytes, "References");
        Assert.All(lines, l => Assert.True(l.Length <= 78, l));
        Assert.Equal(
            string.Join(" ", message.References.Select(r => "<" + r + ">")),
            string.Concat(lines)["References: ".Length..]);
    }

    [Fact]
    public void Empty_subject_writes_an_empty_field_without_trailing_space()
    {
        var bytes = MessageWriter.ToBytes(TestMessages.Minimal("  "));

        Assert.Equal(["Subject:"], Wire.FieldLines(bytes, "Subject"));
    }

    [Fact]
    public void Line_breaks_in_the_subject_become_spaces_and_cannot_inject_a_field()
    {
        var bytes = MessageWriter.ToBytes(TestMessages.Minimal("Hello\r\nBcc: victim@example.com\nX"));

        Assert.DoesNotContain(Wire.HeaderLines(bytes), l => l.StartsWith("Bcc", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Hello Bcc: victim@example.com X", Wire.DecodeField(bytes, "Subject"));
        Wire.AssertStrict(bytes);
    }

    [Fact]
    public void Subject_that_looks_like_an_encoded_word_is_encoded_so_it_reads_back_literally()
    {
        var bytes = MessageWriter.ToBytes(TestMessages.Minimal("literal =?utf-8?B?SGk=?= text"));

        var raw = string.Concat(Wire.FieldLines(bytes, "Subject"));
        Assert.DoesNotContain("=?utf-8?B?SGk=?=", raw);
        Assert.Equal("literal =?utf-8?B?SGk=?= text", Wire.DecodeField(bytes, "Subject"));
    }

    [Fact]
    public void Folder_never_folds_where_there_is_no_whitespace()
    {
        var folder = new HeaderFolder("X-Test");
        folder.AppendToken(new string('a', 70));
        folder.AppendToken("glued", whitespace: string.Empty);

        Assert.Equal(["X-Test: " + new string('a', 70) + "glued"], folder.ToLines());
    }

    [Fact]
    public void Token_that_cannot_fit_998_octets_is_refused()
    {
        var folder = new HeaderFolder("X-Test");

        Assert.Throws<ArgumentException>(() => folder.AppendToken(new string('a', 1000)));
    }
}
