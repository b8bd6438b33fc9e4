using MailTicketing.Mime.Tests.Support;

namespace MailTicketing.Mime.Tests.Parsing;

/// <summary>Bugs the shared corpus revealed, each reduced to a small message.</summary>
public sealed class CorpusRegressionTests
{
    [Fact]
    public void Flowed_body_whose_last_line_is_soft_broken_keeps_its_last_character()
    {
        // mimekit issue1130.txt: the body ends "https://example.com/=20" with no line break.
        using var message = Mail.Parse(Mail.Lines(
            "Content-Type: text/plain; format=flowed",
            "",
            "first ",
            "last word/ "));

        Assert.Equal("first last word/ ", message.TextBody);
    }

    [Fact]
    public void Flowed_body_with_delsp_whose_last_line_is_soft_broken_keeps_its_last_character()
    {
        using var message = Mail.Parse(Mail.Lines(
            "Content-Type: text/plain; format=flowed; delsp=yes",
            "",
            "The URL: ",
            "https://example.com/ "));

        Assert.Equal("The URL:https://example.com/", message.TextBody);
    }

    [Fact]
    public void Flowed_body_ending_with_a_line_break_gains_no_extra_line()
    {
        using var message = Mail.Parse(Mail.Lines(
            "Content-Type: text/plain; format=flowed",
            "",
            "one ",
            "two",
            "three",
            ""));

        Assert.Equal("one two\nthree\n", message.TextBody);
    }
}
