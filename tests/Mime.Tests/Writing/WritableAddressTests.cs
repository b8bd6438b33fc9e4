using MailTicketing.Mime.Writing;

namespace MailTicketing.Mime.Tests.Writing;

public sealed class WritableAddressTests
{
    // Sender addresses the fuzzer produced from real mail: reading them is tolerant, writing to them is not.
    [Theory]
    [InlineData("jdöe@example.com")]
    [InlineData("¼bob@example.com")]
    [InlineData("a@b.=?utf-8?b?oxzw7s7x/rypngbzlg+n1j0e0twtu3rjtwdyi6xuntmj5example")]
    [InlineData("a@example.co=?x-user-defined?b?8aslaa+vlze/myt3jwbbncezixhioefoeqcziv5jpcoq?=m")]
    [InlineData("a\u0001b@example.com")]
    [InlineData("")]
    [InlineData(null)]
    public void An_address_the_writer_would_refuse_is_reported_as_not_writable(string? address)
    {
        Assert.False(MessageWriter.IsWritableAddress(address));
        if (address is { Length: > 0 })
        {
            var message = new OutgoingMessage { From = new MailboxAddress(null, "support@exchange.example"), To = { new MailboxAddress(null, address) }, TextBody = "x" };
            Assert.Throws<ArgumentException>(() => MessageWriter.ToBytes(message));
        }
    }

    [Theory]
    [InlineData("alice@customer.example")]
    [InlineData("\"john doe\"@example.com")]
    [InlineData("wang@例子.中国")]
    public void An_address_the_writer_takes_is_writable(string address)
    {
        Assert.True(MessageWriter.IsWritableAddress(address));
        var message = new OutgoingMessage { From = new MailboxAddress(null, "support@exchange.example"), To = { new MailboxAddress(null, address) }, TextBody = "x" };
        Assert.NotEmpty(MessageWriter.ToBytes(message));
    }
}
