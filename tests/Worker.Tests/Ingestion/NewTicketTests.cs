using System.Security.Cryptography;
using MailTicketing.Tickets.Ingestion;
using MailTicketing.Tickets.Model;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Worker.Tests.Ingestion;

public sealed class NewTicketTests
{
    private const string EvmTx = "0x9e3b1f7c2a5d48e6b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3";

    [Fact]
    public async Task New_tickets_are_numbered_per_mailbox_prefix()
    {
        await using var h = await TicketingHarness.StartAsync();

        var first = await h.IngestAsync(new TestMail { Subject = "Deposit missing", Body = "My deposit of 100 USDT is missing." });
        var second = await h.IngestAsync(new TestMail { From = "bob@example.org", Subject = "Cannot log in", Body = "The login page shows an error." });
        var security = await h.IngestAsync(new TestMail { From = "carol@example.net", To = "security@exchange.example", Subject = "Phishing site", Body = "Someone copies your site." }, "security");

        Assert.Equal(IngestOutcome.NewTicket, first.Outcome);
        Assert.Equal("SUP-000001", first.Ticket.ToString());
        Assert.Equal("SUP-000002", second.Ticket.ToString());
        Assert.Equal("SEC-000001", security.Ticket.ToString());
        Assert.Equal("security", (await h.TicketAsync("SEC-000001")).Ticket.Mailbox);
    }

    [Fact]
    public async Task New_ticket_has_the_lower_cased_sender_as_customer_and_status_submitted()
    {
        await using var h = await TicketingHarness.StartAsync();

        await h.NewTicketAsync(new TestMail { From = "\"Wang, Alice\" <Alice.Wang@Example.COM>", Subject = "Withdrawal pending" });

        var ticket = (await h.TicketAsync("SUP-000001")).Ticket;
        Assert.Equal("alice.wang@example.com", ticket.CustomerAddress);
        Assert.Equal(TicketStatus.Submitted, ticket.Status);
        Assert.Equal("Withdrawal pending", ticket.Subject);
    }

    [Fact]
    public async Task Chinese_mail_makes_a_chinese_ticket_and_english_mail_an_english_one()
    {
        await using var h = await TicketingHarness.StartAsync();

        await h.NewTicketAsync(new TestMail { From = "lin.xiao@example.cn", Subject = "提现未到账", Body = "客服你好，我昨天提现的USDT到现在还没有到账，请帮忙查一下。谢谢！" });
        await h.NewTicketAsync(new TestMail { From = "jane@example.com", Subject = "Withdrawal not received", Body = "Hello, my withdrawal from yesterday has not arrived. Please check." });

        Assert.Equal("zh", (await h.TicketAsync("SUP-000001")).Ticket.Language);
        Assert.Equal("en", (await h.TicketAsync("SUP-000002")).Ticket.Language);
    }

    [Fact]
    public async Task Uid_txid_with_its_chain_and_order_number_are_stored_on_the_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();

        await h.NewTicketAsync(new TestMail
        {
            Subject = "Withdrawal pending",
            Body = $"""
                Hi support,
                My withdrawal order WD202403180042 for 2,000 USDT is still pending.
                My UID is 36925814.
                TxID: {EvmTx}
                """,
        });

        var identifiers = (await h.TicketAsync("SUP-000001")).Identifiers;
        Assert.Contains(new Identifier(IdentifierKind.AccountUid, "36925814"), identifiers);
        Assert.Contains(new Identifier(IdentifierKind.TransactionId, EvmTx, "evm"), identifiers);
        Assert.Contains(identifiers, i => i.Kind == IdentifierKind.OrderId && i.Value.Equals("WD202403180042", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Identifiers_in_a_quoted_reply_or_the_message_id_are_not_stored()
    {
        await using var h = await TicketingHarness.StartAsync();

        await h.NewTicketAsync(new TestMail
        {
            MessageId = "36925814.0x1234@mail.example.com",
            Subject = "Question about fees",
            Body = """
                What are the fees for a SEPA deposit?

                On Mon, 11 Mar 2024 someone wrote:
                > My UID is 11223344 and order WD202401010001 failed.
                """,
        });

        Assert.Empty((await h.TicketAsync("SUP-000001")).Identifiers);
    }

    [Fact]
    public async Task New_ticket_stores_the_inbound_message_with_reason_new_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();

        await h.NewTicketAsync(new TestMail { MessageId = "first@mail.example.com", Body = "Where is my deposit?" });

        var details = await h.TicketAsync("SUP-000001");
        var inbound = Assert.Single(details.Messages, m => m.Direction == MessageDirection.Inbound);
        Assert.Equal("first@mail.example.com", inbound.MessageId);
        Assert.Equal(MessageKind.CustomerMail, inbound.Kind);
        Assert.Equal(ThreadingReason.NewTicket, inbound.Reason);
        Assert.Contains("Where is my deposit?", inbound.Text);
        Assert.Equal(["support"], details.Mailboxes);
    }

    [Fact]
    public async Task Raw_message_is_kept_byte_for_byte()
    {
        await using var h = await TicketingHarness.StartAsync();
        var raw = new TestMail().ToBytes(h.Clock.GetUtcNow());

        await h.IngestAsync(raw);

        var inbound = (await h.TicketAsync("SUP-000001")).Messages.Single(m => m.Direction == MessageDirection.Inbound);
        Assert.Equal(raw, await h.ReadBlobAsync(inbound.RawSha256!));
    }

    [Fact]
    public async Task Attachment_is_stored_by_its_hash_and_its_file_name_is_only_a_label()
    {
        await using var h = await TicketingHarness.StartAsync();
        var raw = Eml.Bytes($"""
            From: Alice <alice@example.com>
            To: support@exchange.example
            Subject: Screenshot
            Date: {Eml.Date(h.Clock.GetUtcNow())}
            Message-ID: <attach@mail.example.com>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8

            See the attached screenshot.
            --b1
            Content-Type: image/png
            Content-Disposition: attachment; filename="../../../etc/cron.d/evil.png"
            Content-Transfer-Encoding: base64

            aGVsbG8gc2NyZWVuc2hvdA==
            --b1--
            """);

        await h.IngestAsync(raw);

        var inbound = (await h.TicketAsync("SUP-000001")).Messages.Single(m => m.Direction == MessageDirection.Inbound);
        var attachment = Assert.Single(inbound.Attachments);
        Assert.Equal("image/png", attachment.ContentType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("hello screenshot"u8)), attachment.Sha256.ToLowerInvariant());
        Assert.Equal("hello screenshot"u8.ToArray(), await h.ReadBlobAsync(attachment.Sha256));
        Assert.Contains("evil.png", attachment.FileName);
        Assert.Empty(Directory.GetFiles(h.DataDirectory, "*.png", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Our_own_acknowledgement_coming_back_is_ignored()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());
        var ack = Assert.Single(await h.PendingOutboxAsync());

        var result = await h.IngestAsync(ack.Raw);

        Assert.Equal(IngestOutcome.Ignored, result.Outcome);
        var details = Assert.Single(await h.ExportAsync());
        Assert.Single(details.Messages, m => m.Direction == MessageDirection.Inbound);
        Assert.Single(await h.PendingOutboxAsync());
    }
}
