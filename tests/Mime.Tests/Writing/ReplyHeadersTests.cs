using MailTicketing.Mime.Writing;

namespace MailTicketing.Mime.Tests.Writing;

public class ReplyHeadersTests
{
    [Fact]
    public void Parent_id_is_appended_to_the_parent_references()
    {
        Assert.Equal(["a@x", "b@x", "c@x"], ReplyHeaders.BuildReferences(["<a@x>", "b@x"], "<c@x>"));
    }

    [Fact]
    public void Long_chains_keep_the_root_and_the_most_recent_ids()
    {
        var parents = Enumerable.Range(0, 50).Select(i => $"<m{i}@x>").ToList();

        var references = ReplyHeaders.BuildReferences(parents, "parent@x", max: 5);

        Assert.Equal(["m0@x", "m47@x", "m48@x", "m49@x", "parent@x"], references);
    }

    [Fact]
    public void Duplicates_and_unsafe_ids_are_dropped()
    {
        var references = ReplyHeaders.BuildReferences(["a@x", "<a@x>", "bad id@x", "", "<unterminated@x", "p@x", "b@x"], "<p@x>");

        Assert.Equal(["a@x", "b@x", "p@x"], references);
    }

    [Fact]
    public void Missing_parent_id_leaves_the_parent_references()
    {
        Assert.Equal(["a@x"], ReplyHeaders.BuildReferences(["a@x"], null));
        Assert.Empty(ReplyHeaders.BuildReferences(null, "  "));
    }

    [Fact]
    public void Max_below_two_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReplyHeaders.BuildReferences([], "a@x", max: 1));
    }

    [Theory]
    [InlineData("<abc@host>", "abc@host")]
    [InlineData("  abc@host  ", "abc@host")]
    [InlineData("<abc@host> (comment)", "abc@host")]
    [InlineData("<>", null)]
    [InlineData("<a\"b@host>", null)]
    [InlineData(null, null)]
    public void Normalize_strips_brackets_and_rejects_unsafe_ids(string? raw, string? expected)
    {
        Assert.Equal(expected, ReplyHeaders.NormalizeMessageId(raw));
    }
}
