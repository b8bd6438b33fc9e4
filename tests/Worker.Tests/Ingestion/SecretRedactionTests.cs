using System.Text;
using MailTicketing.Tickets.Model;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Worker.Tests.Ingestion;

public sealed class SecretRedactionTests
{
    private const string Password = "Tr0ub4dor&3xyz";
    private const string SeedPhrase = "card mom cricket mail advice monkey wild example judge credit inch high";
    private const string PrivateKeyHex = "5d14381a3a783256347b9ffce69cd7007ae8a758cca415d5a91ee863c8b6c033";

    private static readonly TicketNumber First = TicketNumber.Parse("SUP-000001");

    public static TheoryData<string, string, string> Secrets => new()
    {
        { $"I cannot log in. My password is {Password} please reset it.", Password, "password" },
        { $"Someone asked for my recovery phrase and I sent it: {SeedPhrase}. Was that you?", "monkey wild example", "seed phrase" },
        { $"Here is my private key (hex):\n{PrivateKeyHex}\nPlease recover my funds.", PrivateKeyHex, "private key" },
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public async Task Secret_in_the_body_is_redacted_from_the_stored_and_exported_text(string body, string secret, string kind)
    {
        await using var h = await TicketingHarness.StartAsync();

        await h.NewTicketAsync(new TestMail { Subject = "Help with my wallet", Body = body });

        var details = Assert.Single(await h.ExportAsync());
        Assert.All(details.Messages, m => Assert.DoesNotContain(secret, m.Text));
        var inbound = details.Messages.Single(m => m.Direction == MessageDirection.Inbound);
        Assert.Contains("[REDACTED", inbound.Text);
        Assert.True(details.Ticket.Flags.HasFlag(TicketFlags.SecretsRedacted));
        Assert.Contains(details.Events, e => e.Kind == "secrets-redacted" && e.Detail.Contains(kind));
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public async Task Acknowledgement_tells_the_customer_to_change_the_secret_without_repeating_it(string body, string secret, string kind)
    {
        await using var h = await TicketingHarness.StartAsync();

        await h.NewTicketAsync(new TestMail { Subject = "Help with my wallet", Body = body });

        using var ack = await h.AcknowledgementAsync(First);
        var text = ack.TextBody!;
        Assert.Contains($"contained a {kind}", text);
        Assert.Contains("change it now", text);
        Assert.DoesNotContain(secret, text);
        Assert.DoesNotContain(secret, Encoding.UTF8.GetString(Assert.Single(await h.PendingOutboxAsync()).Raw));
    }

    [Fact]
    public async Task Chinese_acknowledgement_tells_the_customer_to_change_the_seed_phrase()
    {
        await using var h = await TicketingHarness.StartAsync();

        await h.NewTicketAsync(new TestMail { From = "lin.xiao@example.cn", Subject = "钱包被盗", Body = $"我的钱包被盗了，请帮我找回。\n助记词：{SeedPhrase}" });

        var details = await h.TicketAsync("SUP-000001");
        Assert.Equal("zh", details.Ticket.Language);
        Assert.True(details.Ticket.Flags.HasFlag(TicketFlags.SecretsRedacted));
        Assert.DoesNotContain("monkey wild", details.Messages.Single(m => m.Direction == MessageDirection.Inbound).Text);
        using var ack = await h.AcknowledgementAsync(First);
        var text = ack.TextBody!;
        Assert.Contains("助记词", text);
        Assert.Contains("立即更换", text);
        Assert.DoesNotContain("monkey", text);
    }

    [Fact]
    public async Task Chinese_password_is_redacted_and_the_acknowledgement_names_it()
    {
        await using var h = await TicketingHarness.StartAsync();

        await h.NewTicketAsync(new TestMail { From = "lin.xiao@example.cn", Subject = "无法登录", Body = "我无法登录账户，我的登录密码是abc123456，请帮我看看" });

        var inbound = (await h.TicketAsync("SUP-000001")).Messages.Single(m => m.Direction == MessageDirection.Inbound);
        Assert.DoesNotContain("abc123456", inbound.Text);
        Assert.Contains("[REDACTED", inbound.Text);
        using var ack = await h.AcknowledgementAsync(First);
        Assert.Contains("您的邮件中包含密码", ack.TextBody);
    }

    [Fact]
    public async Task Secret_in_a_reply_is_redacted_and_flags_the_existing_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());

        await h.IngestAsync(new TestMail { Subject = "Re: [Ticket#SUP-000001] Deposit not credited", Body = $"password: {Password}" });

        var details = await h.TicketAsync("SUP-000001");
        Assert.True(details.Ticket.Flags.HasFlag(TicketFlags.SecretsRedacted));
        Assert.All(details.Messages, m => Assert.DoesNotContain(Password, m.Text));
    }

    [Fact]
    public async Task Secret_in_the_subject_is_kept_out_of_the_ticket_subject_and_the_acknowledgement()
    {
        await using var h = await TicketingHarness.StartAsync();

        await h.NewTicketAsync(new TestMail { Subject = $"Locked out, password: {Password}", Body = "Please unlock my account." });

        var details = await h.TicketAsync("SUP-000001");
        Assert.DoesNotContain(Password, details.Ticket.Subject);
        Assert.All(details.Messages, m => Assert.DoesNotContain(Password, m.Subject));
        Assert.True(details.Ticket.Flags.HasFlag(TicketFlags.SecretsRedacted));
        using var ack = await h.AcknowledgementAsync(First);
        Assert.DoesNotContain(Password, ack.Subject);
    }

    [Fact]
    public async Task Mail_that_only_mentions_a_password_is_not_flagged()
    {
        await using var h = await TicketingHarness.StartAsync();

        await h.NewTicketAsync(new TestMail { Subject = "Reset", Body = "I forgot my password and need a reset." });

        var details = await h.TicketAsync("SUP-000001");
        Assert.False(details.Ticket.Flags.HasFlag(TicketFlags.SecretsRedacted));
        Assert.Contains("I forgot my password", details.Messages.Single(m => m.Direction == MessageDirection.Inbound).Text);
        using var ack = await h.AcknowledgementAsync(First);
        Assert.DoesNotContain("change it now", ack.TextBody);
    }
}
