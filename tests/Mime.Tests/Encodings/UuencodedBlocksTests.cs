using MailTicketing.Mime.Encodings;

namespace MailTicketing.Mime.Tests.Encodings;

public class UuencodedBlocksTests
{
    private static readonly string Block =
        "begin 644 report.bin\n" + UUDecoderTests.RandomUuencodedLines + "`\nend\n";

    [Fact]
    public void Uuencoded_block_in_text_is_found_with_its_offsets_and_content()
    {
        var text = "Hello,\n\nplease find the file below.\n\n" + Block + "\nRegards,\nBob\n";
        var block = Assert.Single(UuencodedBlocks.Find(text));
        Assert.Equal("report.bin", block.FileName);
        Assert.Equal(420, block.Mode);
        Assert.Equal(UUDecoderTests.RandomHex, Convert.ToHexStringLower(block.Content));
        Assert.Equal(text.IndexOf("begin", StringComparison.Ordinal), block.Start);
        Assert.Equal(Block.Length, block.Length);
        Assert.Equal("Hello,\n\nplease find the file below.\n\n\nRegards,\nBob\n", text.Remove(block.Start, block.Length));
    }

    [Fact]
    public void Uuencoded_block_with_crlf_includes_the_end_line_break()
    {
        var crlf = Block.Replace("\n", "\r\n");
        var text = "Hi\r\n" + crlf + "Bye";
        var block = Assert.Single(UuencodedBlocks.Find(text));
        Assert.Equal(4, block.Start);
        Assert.Equal(crlf.Length, block.Length);
        Assert.Equal(UUDecoderTests.RandomHex, Convert.ToHexStringLower(block.Content));
    }

    [Fact]
    public void Uuencoded_block_at_the_end_without_final_line_break_is_found()
    {
        var text = "begin 600 abc.txt\n#86)C\n`\nend";
        var block = Assert.Single(UuencodedBlocks.Find(text));
        Assert.Equal(text.Length, block.Length);
        Assert.Equal(384, block.Mode);
        Assert.Equal("abc"u8.ToArray(), block.Content);
    }

    [Fact]
    public void Uuencoded_blocks_are_all_found_in_order()
    {
        var text = "begin 644 a.txt\n#86)C\n`\nend\nbetween\nbegin 0755 b.sh\n#86)C\n \nend\n";
        var blocks = UuencodedBlocks.Find(text);
        Assert.Equal(["a.txt", "b.sh"], blocks.Select(b => b.FileName));
        Assert.Equal(493, blocks[1].Mode);
        Assert.Equal(text.IndexOf("begin 0755", StringComparison.Ordinal), blocks[1].Start);
    }

    [Fact]
    public void Uuencoded_block_whose_trailing_spaces_were_stripped_is_still_found()
    {
        // Old encoders wrote zero as a space; a transport then stripped the line ends.
        var text = "begin 644 zeros.bin\n" + "M" + new string(' ', 60).TrimEnd() + "\n\nend\n";
        var block = Assert.Single(UuencodedBlocks.Find(text));
        Assert.Equal(new byte[45], block.Content);
    }

    [Fact]
    public void Uuencoded_file_name_is_returned_as_written()
    {
        var block = Assert.Single(UuencodedBlocks.Find("begin 644 ../My Report (final).zip  \n#86)C\n`\nend\n"));
        Assert.Equal("../My Report (final).zip", block.FileName);
    }

    [Theory]
    [InlineData("We will begin 644 tests tomorrow.\nend\n")]
    [InlineData("begin 644 the migration tomorrow\nThanks for your help\nend\n")]
    [InlineData("begin 644 file.zip\n#86)C\n`\n")]
    [InlineData("begin 644\n#86)C\n`\nend\n")]
    [InlineData("begin 64x file.zip\n#86)C\n`\nend\n")]
    [InlineData("begin 644 file.zip\n#86)C86)C86)C\n`\nend\n")]
    [InlineData("begin 644 file.zip\nMore text here\nend\n")]
    [InlineData("  begin 644 file.zip\n#86)C\n`\nend\n")]
    [InlineData("beginning 644 file.zip\n#86)C\n`\nend\n")]
    [InlineData("begin 644 file.zip\n#86)C\n`\nending\n")]
    public void Text_that_only_looks_like_uuencode_is_not_a_block(string text)
    {
        Assert.Empty(UuencodedBlocks.Find(text));
    }

    [Fact]
    public void A_broken_candidate_does_not_hide_a_real_block_after_it()
    {
        var text = "begin 644 nothing here\nplain text\nbegin 644 abc.txt\n#86)C\n`\nend\n";
        var block = Assert.Single(UuencodedBlocks.Find(text));
        Assert.Equal("abc.txt", block.FileName);
    }

    [Fact]
    public void Empty_or_plain_text_has_no_blocks()
    {
        Assert.Empty(UuencodedBlocks.Find(""));
        Assert.Empty(UuencodedBlocks.Find(new string('x', 10_000)));
    }
}
