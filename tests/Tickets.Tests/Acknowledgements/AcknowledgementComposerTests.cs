using MailTicketing.Mime;
using MailTicketing.Tickets.Acknowledgements;
using MailTicketing.Tickets.Configuration;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Security;

namespace MailTicketing.Tickets.Tests.Acknowledgements;

public sealed class AcknowledgementComposerTests
{
    private static readonly MessageIdSigner Signer = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly MailboxDefinition Support = new("support", "support@exchange.example", "SUP", TimeSpan.FromHours(24), "Example Exchange Support");

    private static AcknowledgementRequest Request(string? originalMessageId, IReadOnlyList<string> references) => new(
        TicketNumber.Parse("SUP-000001"), Support, "Example Exchange Support", "alice@customer.example", "Alice", "Deposit missing",
        originalMessageId, references, "en", false, false, false, [], false, new DateTimeOffset(2024, 3, 18, 9, 0, 0, TimeSpan.Zero));

    // Found by the fuzzer (tests/Fuzz.Tests): a customer's Message-ID with a quote, a space or
    // 8-bit bytes made the writer throw, so ingestion rolled back and the mail was never ticketed.
    [Theory]
    [InlineData("54ADE98CE.6E826F90\"")]
    [InlineData("4C4ECFBF Received:from thumper id<AA02147")]
    [InlineData("07B7061D-2<script")]
    [InlineData("105647271315.NCå`GÂg8XV17523@x263.net")]
    public void A_customer_message_id_the_writer_cannot_take_is_left_out_of_the_reply_instead_of_failing(string messageId)
    {
        var composed = new AcknowledgementComposer(Signer).Compose(Request(messageId, [messageId, "root@customer.example"]));

        using var ack = MimeMessage.Parse(composed.Raw);
        Assert.Null(ack.Headers["In-Reply-To"]);
        Assert.Equal(["root@customer.example"], ack.References);
        Assert.Equal(composed.MessageId, ack.MessageId);
    }

    [Fact]
    public void A_writable_customer_message_id_is_answered_in_in_reply_to_and_references()
    {
        var composed = new AcknowledgementComposer(Signer).Compose(Request("q1@customer.example", ["root@customer.example"]));

        using var ack = MimeMessage.Parse(composed.Raw);
        Assert.Equal("q1@customer.example", ack.InReplyTo);
        Assert.Equal(["root@customer.example", "q1@customer.example"], ack.References);
    }
}
