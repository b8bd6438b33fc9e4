using System.Text.RegularExpressions;
using MailTicketing.Tickets.Model;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Worker.Tests.Ingestion;

public sealed class AcknowledgementContentTests
{
    private const string EvmTx = "0x9e3b1f7c2a5d48e6b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3";

    [Fact]
    public async Task New_ticket_queues_exactly_one_acknowledgement_to_the_customer()
    {
        await using var h = await TicketingHarness.StartAsync();

        var result = await h.IngestAsync(new TestMail { From = "Alice <Alice@Example.com>" });

        Assert.True(result.AcknowledgementQueued);
        var entry = Assert.Single(await h.PendingOutboxAsync());
        Assert.Equal("SUP-000001", entry.TicketNumber.ToString());
        Assert.Equal("alice@example.com", entry.Recipient);
        var outbound = Assert.Single((await h.TicketAsync("SUP-000001")).Messages, m => m.Direction == MessageDirection.Outbound);
        Assert.Equal(MessageKind.Acknowledgement, outbound.Kind);
        Assert.Equal(entry.MessageId, outbound.MessageId);
    }

    [Fact]
    public async Task Acknowledgement_is_marked_auto_replied_and_threads_to_the_customer_mail()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail { MessageId = "q1@mail.example.com", References = ["earlier@mail.example.com"] });

        using var ack = await h.AcknowledgementAsync(TicketNumber.Parse("SUP-000001"));

        Assert.Equal("auto-replied", ack.Headers["Auto-Submitted"]?.Trim());
        Assert.Equal("q1@mail.example.com", ack.InReplyTo);
        Assert.Contains("q1@mail.example.com", ack.References);
        Assert.Contains("earlier@mail.example.com", ack.References);
        Assert.Equal("alice@example.com", Assert.Single(ack.To.Mailboxes).Address);
        Assert.Equal("support@exchange.example", Assert.Single(ack.From.Mailboxes).Address);
    }

    [Fact]
    public async Task Acknowledgement_message_id_is_a_signed_token_in_the_mailbox_domain()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());
        await h.NewTicketAsync(new TestMail { From = "sec@example.org", To = "security@exchange.example", Subject = "Report", Body = "A report." }, "security");

        using var support = await h.AcknowledgementAsync(TicketNumber.Parse("SUP-000001"));
        using var security = await h.AcknowledgementAsync(TicketNumber.Parse("SEC-000001"));

        Assert.Matches(new Regex(@"^t\.SUP-000001\.[0-9a-f]{16}\.[0-9a-f]{20}@exchange\.example$"), support.MessageId);
        Assert.Matches(new Regex(@"^t\.SEC-000001\.[0-9a-f]{16}\.[0-9a-f]{20}@exchange\.example$"), security.MessageId);
        Assert.Equal("security@exchange.example", Assert.Single(security.From.Mailboxes).Address);
    }

    [Fact]
    public async Task Acknowledgement_subject_carries_the_ticket_tag_and_the_customer_subject()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail { Subject = "Re: Deposit not credited" });

        using var ack = await h.AcknowledgementAsync(TicketNumber.Parse("SUP-000001"));

        Assert.Contains("[Ticket#SUP-000001]", ack.Subject);
        Assert.Contains("Deposit not credited", ack.Subject);
    }

    [Fact]
    public async Task Chinese_mail_gets_a_chinese_acknowledgement_with_the_ticket_number()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail { From = "lin.xiao@example.cn", Subject = "提现未到账", Body = "客服你好，我昨天提现的USDT到现在还没有到账，请帮忙查一下。谢谢！" });

        using var ack = await h.AcknowledgementAsync(TicketNumber.Parse("SUP-000001"));
        var text = ack.TextBody!;

        Assert.Contains("工单号", text);
        Assert.Contains("SUP-000001", text);
        Assert.Contains("已提交", text);
        Assert.DoesNotContain("We have received", text);
        Assert.Contains("提现未到账", ack.Subject);
    }

    [Fact]
    public async Task English_mail_gets_an_english_acknowledgement_with_the_ticket_number_and_response_time()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());

        using var ack = await h.AcknowledgementAsync(TicketNumber.Parse("SUP-000001"));
        var text = ack.TextBody!;

        Assert.Contains("opened ticket SUP-000001", text);
        Assert.Contains("within 24 hours", text);
        Assert.DoesNotContain("工单号", text);
    }

    [Fact]
    public async Task Acknowledgement_asks_for_uid_txid_and_screenshots_when_all_are_missing()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail { Body = "My deposit has not arrived yet." });

        using var ack = await h.AcknowledgementAsync(TicketNumber.Parse("SUP-000001"));
        var text = ack.TextBody!;

        Assert.Contains("your account UID", text);
        Assert.Contains("transaction ID (TxID", text);
        Assert.Contains("screenshots", text);
    }

    [Fact]
    public async Task Acknowledgement_does_not_ask_for_what_the_customer_already_gave()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail { Body = $"My UID is 36925814.\nTxID: {EvmTx}\nThe deposit is missing." });

        using var ack = await h.AcknowledgementAsync(TicketNumber.Parse("SUP-000001"));
        var text = ack.TextBody!;

        Assert.DoesNotContain("your account UID", text);
        Assert.DoesNotContain("transaction ID (TxID", text);
        Assert.Contains("screenshots", text);
    }

    [Fact]
    public async Task Acknowledgement_does_not_ask_for_screenshots_when_the_mail_has_one()
    {
        await using var h = await TicketingHarness.StartAsync();
        var raw = Eml.Bytes($"""
            From: Alice <alice@example.com>
            To: support@exchange.example
            Subject: Deposit missing
            Date: {Eml.Date(h.Clock.GetUtcNow())}
            Message-ID: <shot@mail.example.com>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8

            My UID is 36925814. My deposit is missing, see the screenshot.
            --b1
            Content-Type: image/png; name="deposit.png"
            Content-Disposition: attachment; filename="deposit.png"
            Content-Transfer-Encoding: base64

            iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==
            --b1--
            """);

        await h.IngestAsync(raw);

        using var ack = await h.AcknowledgementAsync(TicketNumber.Parse("SUP-000001"));
        var text = ack.TextBody!;
        Assert.DoesNotContain("screenshots", text);
        Assert.DoesNotContain("your account UID", text);
        Assert.Contains("transaction ID (TxID", text);
    }

    [Fact]
    public async Task Chinese_acknowledgement_asks_only_for_what_is_missing()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail { From = "lin.xiao@example.cn", Subject = "充值未到账", Body = "客服你好，我的充值还没有到账。\n我的UID是：36925814" });

        using var ack = await h.AcknowledgementAsync(TicketNumber.Parse("SUP-000001"));
        var text = ack.TextBody!;

        Assert.DoesNotContain("账户 UID", text);
        Assert.Contains("交易哈希（TxID）", text);
        Assert.Contains("截图", text);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public async Task Acknowledgement_always_warns_that_staff_never_ask_for_secrets(string language)
    {
        await using var h = await TicketingHarness.StartAsync();
        var mail = language == "zh"
            ? new TestMail { Subject = "充值未到账", Body = $"我的UID是：36925814\n交易哈希：{EvmTx}\n请帮忙查一下充值。" }
            : new TestMail { Body = $"My UID is 36925814.\nTxID: {EvmTx}\nPlease check my deposit." };
        await h.NewTicketAsync(mail);

        using var ack = await h.AcknowledgementAsync(TicketNumber.Parse("SUP-000001"));
        var text = ack.TextBody!;

        if (language == "zh")
        {
            Assert.Contains("绝不会向您索要密码、私钥、助记词", text);
        }
        else
        {
            Assert.Contains("never ask for your password, private keys, seed phrase", text);
        }
    }

    [Fact]
    public async Task Acknowledgement_is_not_queued_for_a_message_joining_an_existing_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());
        var reply = await h.IngestAsync(new TestMail { Subject = "Re: [Ticket#SUP-000001] Deposit not credited", Body = "Any update?" });

        Assert.False(reply.AcknowledgementQueued);
        Assert.Single(await h.PendingOutboxAsync());
    }
}
