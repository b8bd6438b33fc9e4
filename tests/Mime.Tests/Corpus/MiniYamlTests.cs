using System.Text;

namespace MailTicketing.Mime.Tests.Corpus;

/// <summary>The YAML reader behind the Zammad comparison must itself read what Psych writes, or the comparison proves nothing.</summary>
public sealed class MiniYamlTests
{
    [Fact]
    public void Reads_mappings_sequences_tags_and_plain_scalars()
    {
        var document = Read(
            "--- !ruby/hash:ActiveSupport::HashWithIndifferentAccess",
            "from: Martin <martin@example.com>",
            "empty: ''",
            "attachments:",
            "- !ruby/hash:ActiveSupport::HashWithIndifferentAccess",
            "  filename: file.txt",
            "  preferences: !ruby/hash:ActiveSupport::HashWithIndifferentAccess",
            "    Mime-Type: text/plain",
            "- filename: second",
            "none: []");

        Assert.Equal("Martin <martin@example.com>", document["from"]);
        Assert.Equal("", document["empty"]);
        var attachments = Assert.IsType<List<object?>>(document["attachments"]);
        var first = Assert.IsType<Dictionary<string, object?>>(attachments[0]);
        Assert.Equal("file.txt", first["filename"]);
        Assert.Equal("text/plain", Assert.IsType<Dictionary<string, object?>>(first["preferences"])["Mime-Type"]);
        Assert.Equal("second", Assert.IsType<Dictionary<string, object?>>(attachments[1])["filename"]);
        Assert.Empty(Assert.IsType<List<object?>>(document["none"]));
    }

    [Fact]
    public void Reads_block_scalars_with_chomping_and_indentation_indicators()
    {
        var document = Read(
            "clip: |",
            "  one",
            "  two",
            "",
            "strip: |-",
            "  one",
            "",
            "keep: |+",
            "  one",
            "",
            "indented: |2-",
            "    starts with spaces",
            "  less",
            "folded: >",
            "  a",
            "  b",
            "end: x");

        Assert.Equal("one\ntwo\n", document["clip"]);
        Assert.Equal("one", document["strip"]);
        Assert.Equal("one\n\n", document["keep"]);
        Assert.Equal("  starts with spaces\nless", document["indented"]);
        Assert.Equal("a b\n", document["folded"]);
        Assert.Equal("x", document["end"]);
    }

    [Fact]
    public void Reads_quoted_scalars_over_several_lines()
    {
        var document = Read(
            "single: 'it''s folded",
            "  over lines",
            "",
            "  and kept '",
            "double: \"tab\\there \\u00e9\\",
            "  joined \\\"quoted\\\"\"",
            "trailing: 'space '");

        Assert.Equal("it's folded over lines\nand kept ", document["single"]);
        Assert.Equal("tab\there é" + "joined \"quoted\"", document["double"]);
        Assert.Equal("space ", document["trailing"]);
    }

    [Fact]
    public void Binary_scalars_come_back_as_bytes()
    {
        var document = Read("data: !binary |-", "  aGVs", "  bG8=", "next: 1");

        Assert.Equal("hello"u8.ToArray(), document["data"]);
        Assert.Equal("1", document["next"]);
    }

    private static Dictionary<string, object?> Read(params string[] lines) =>
        Assert.IsType<Dictionary<string, object?>>(MiniYaml.Parse(new StringBuilder().AppendJoin('\n', lines).ToString()));
}
