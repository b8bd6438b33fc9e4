using MailTicketing.Mime.Writing;

namespace MailTicketing.Mime.Tests.Writing;

public class AddressTests
{
    private static string ToField(MailboxAddress address)
    {
        var message = TestMessages.Minimal();
        message.To[0] = address;
        return string.Concat(Wire.FieldLines(MessageWriter.ToBytes(message), "To"));
    }

    [Fact]
    public void Idn_domain_is_written_in_punycode()
    {
        Assert.Equal("To: user@xn--fiqs8s.example", ToField(new MailboxAddress(null, "user@中国.example")));
    }

    [Fact]
    public void Domain_is_lower_cased()
    {
        Assert.Equal("To: User@example.com", ToField(new MailboxAddress(null, "User@EXAMPLE.com")));
    }

    [Fact]
    public void Non_ascii_local_part_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ToField(new MailboxAddress(null, "用户@example.com")));
        Assert.Contains("SMTPUTF8", error.Message);
    }

    [Theory]
    [InlineData("no-at-sign")]
    [InlineData("@example.com")]
    [InlineData("user@")]
    [InlineData("user@exa mple.com")]
    [InlineData("user@example..com")]
    [InlineData("us\r\ner@example.com")]
    [InlineData("user@example.com\r\nBcc: x@y.z")]
    [InlineData("")]
    public void Invalid_addresses_are_refused(string address)
    {
        Assert.Throws<ArgumentException>(() => ToField(new MailboxAddress(null, address)));
    }

    [Fact]
    public void Local_part_that_is_not_a_dot_atom_is_quoted()
    {
        Assert.Equal("To: \"john doe\"@example.com", ToField(new MailboxAddress(null, "john doe@example.com")));
    }

    [Fact]
    public void Already_quoted_local_part_is_kept()
    {
        Assert.Equal("To: \"a@b\"@example.com", ToField(new MailboxAddress(null, "\"a@b\"@example.com")));
    }

    [Fact]
    public void Domain_literal_is_kept()
    {
        Assert.Equal("To: user@[192.0.2.1]", ToField(new MailboxAddress(null, "user@[192.0.2.1]")));
    }

    [Fact]
    public void Bcc_is_never_written_into_the_message()
    {
        var message = TestMessages.Minimal();
        message.Bcc.Add(new MailboxAddress("Hidden", "hidden@example.com"));
        var text = System.Text.Encoding.ASCII.GetString(MessageWriter.ToBytes(message));

        Assert.DoesNotContain("hidden@example.com", text);
    }

    [Fact]
    public void Reply_to_and_cc_are_written()
    {
        var message = TestMessages.Minimal();
        message.Cc.Add(new MailboxAddress("Doe, John", "john@example.com"));
        message.ReplyTo.Add(new MailboxAddress(null, "reply@example.com"));
        var bytes = MessageWriter.ToBytes(message);

        Assert.Equal(["Cc: \"Doe, John\" <john@example.com>"], Wire.FieldLines(bytes, "Cc"));
        Assert.Equal(["Reply-To: reply@example.com"], Wire.FieldLines(bytes, "Reply-To"));
    }
}
