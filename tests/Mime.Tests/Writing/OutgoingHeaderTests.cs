using MailTicketing.Mime.Writing;

namespace MailTicketing.Mime.Tests.Writing;

public class OutgoingHeaderTests
{
    [Theory]
    [InlineData("X-Test", "a\r\nBcc: victim@example.com")]
    [InlineData("X-Test", "a\nb")]
    [InlineData("X-Test", "a\rb")]
    [InlineData("X-Test", "nul\0")]
    [InlineData("X-Te st", "v")]
    [InlineData("X-Test:", "v")]
    [InlineData("X-Tést", "v")]
    [InlineData("", "v")]
    [InlineData("Subject", "v")]
    [InlineData("content-type", "text/html")]
    [InlineData("MIME-Version", "1.0")]
    public void Injection_and_invalid_fields_are_refused(string name, string value)
    {
        Assert.Throws<ArgumentException>(() => new OutgoingHeader(name, value));
    }

    [Fact]
    public void Extra_headers_are_written_in_order_after_the_standard_ones()
    {
        var message = TestMessages.Minimal();
        message.Headers.Add(new OutgoingHeader("Auto-Submitted", "auto-replied"));
        message.Headers.Add(new OutgoingHeader("X-Auto-Response-Suppress", "All"));
        message.Headers.Add(new OutgoingHeader("Precedence", "bulk"));
        var lines = Wire.HeaderLines(MessageWriter.ToBytes(message));

        var auto = Array.IndexOf(lines, "Auto-Submitted: auto-replied");
        Assert.True(auto > Array.FindIndex(lines, l => l.StartsWith("Message-ID:", StringComparison.Ordinal)));
        Assert.Equal("X-Auto-Response-Suppress: All", lines[auto + 1]);
        Assert.Equal("Precedence: bulk", lines[auto + 2]);
    }

    [Fact]
    public void Tab_in_a_value_is_allowed_and_kept()
    {
        var message = TestMessages.Minimal();
        message.Headers.Add(new OutgoingHeader("X-Test", "a\tb"));

        Assert.Equal(["X-Test: a\tb"], Wire.FieldLines(MessageWriter.ToBytes(message), "X-Test"));
    }
}
