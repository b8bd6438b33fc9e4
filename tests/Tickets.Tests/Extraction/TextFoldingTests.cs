using MailTicketing.Tickets.Extraction;

namespace MailTicketing.Tickets.Tests.Extraction;

public class TextFoldingTests
{
    [Theory]
    [InlineData("ＵＩＤ：１２３４５６", "UID:123456")]
    [InlineData("订单号：ＷＤ２０２４，谢谢", "订单号:WD2024,谢谢")]
    [InlineData("a\u3000b\u00A0c", "a b c")]
    [InlineData("plain ascii", "plain ascii")]
    public void Full_width_forms_fold_to_ascii(string input, string expected)
    {
        Assert.Equal(expected, TextFolding.Fold(input));
    }

    [Fact]
    public void Folding_keeps_every_offset()
    {
        // Characters whose NFKC form is longer stay as they are, so offsets never shift.
        const string input = "㎏ ﬁ ½ 😀 \uD800 ０";

        string folded = TextFolding.Fold(input);

        Assert.Equal(input.Length, folded.Length);
        Assert.Equal('0', folded[^1]);
        Assert.Equal('㎏', folded[0]);
    }

    [Fact]
    public void Every_bmp_character_folds_without_throwing()
    {
        for (int c = 0; c <= 0xFFFF; c++)
        {
            char folded = TextFolding.FoldChar((char)c);
            Assert.True(c == 0 || folded != '\0');
        }
    }
}
