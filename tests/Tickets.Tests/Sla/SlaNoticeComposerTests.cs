using MailTicketing.Mime;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Security;
using MailTicketing.Tickets.Sla;
using static MailTicketing.Tickets.Tests.Sla.Calendars;

namespace MailTicketing.Tickets.Tests.Sla;

public sealed class SlaNoticeComposerTests
{
    private static readonly MessageIdSigner Signer = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly SlaPolicy Standard = new("standard", ShanghaiOffice(), TimeSpan.FromHours(4), TimeSpan.FromHours(16), 0.75, true, true);
    private static readonly TicketNumber Ticket = TicketNumber.Parse("SUP-000123");

    private static SlaNoticeRequest Request(SlaNotice notice, string language) => new(
        notice,
        Standard,
        Ticket,
        "support",
        TicketPriority.High,
        TicketStatus.InProgress,
        "充值未到账",
        "alice@customer.example",
        new MailboxAddress("Example Exchange Support", "support@exchange.example"),
        "team@exchange.example",
        language,
        "q1@customer.example",
        Sh(3, 12, 10, 1));

    [Fact]
    public void A_first_message_id_the_writer_refuses_is_left_out_instead_of_failing_the_notice()
    {
        var composed = new SlaNoticeComposer(Signer).Compose(Request(Planned(Sh(3, 12, 10)), "en") with { TicketMessageId = "\"odd id\"@customer example" });
        using var mail = MimeMessage.Parse(composed.Raw);

        Assert.Null(mail.InReplyTo);
        Assert.Empty(mail.References);
        Assert.Equal("team@exchange.example", composed.Recipient);
    }

    private static SlaNotice Planned(DateTimeOffset now) =>
        Assert.Single(SlaNoticePlanner.Due(Standard, new SlaFacts(123, Sh(3, 11, 16), null, []), new HashSet<string>(), now));

    [Fact]
    public void An_english_reminder_tells_the_team_when_it_is_due_and_how_much_business_time_is_left()
    {
        var composed = new SlaNoticeComposer(Signer).Compose(Request(Planned(Sh(3, 12, 10)), "en"));
        using var mail = MimeMessage.Parse(composed.Raw);

        Assert.Equal("[Ticket#SUP-000123] SLA reminder: first response due 2025-03-12 11:00 (UTC+08:00)", mail.Subject);
        Assert.Equal("team@exchange.example", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("team@exchange.example", composed.Recipient);
        Assert.Contains("First response on ticket SUP-000123 is due 2025-03-12 11:00 (UTC+08:00): 1h of business time left.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Status:   In progress", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Customer: alice@customer.example", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Subject:  充值未到账", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Notices_are_marked_auto_generated_carry_their_key_and_a_signed_message_id()
    {
        var composed = new SlaNoticeComposer(Signer).Compose(Request(Planned(Sh(3, 12, 10)), "en"));
        using var mail = MimeMessage.Parse(composed.Raw);

        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]?.Trim());
        Assert.True(mail.Automation.IsMachineGenerated);
        Assert.Equal("sla:123:first-response:reminder", mail.Headers["X-MailTicketing-Notice"]?.Trim());
        Assert.Equal(composed.MessageId, mail.MessageId);
        Assert.Equal(MessageIdCheck.Valid, Signer.Check(mail.MessageId!, out var number));
        Assert.Equal(Ticket, number);
        Assert.EndsWith("@exchange.example", composed.MessageId, StringComparison.Ordinal);
        Assert.Equal("q1@customer.example", mail.InReplyTo);
    }

    [Fact]
    public void A_chinese_escalation_says_how_long_it_is_overdue()
    {
        var breach = Planned(Sh(3, 12, 11, 30));
        Assert.Equal(SlaNoticeKind.Breach, breach.Kind);
        var composed = new SlaNoticeComposer(Signer).Compose(Request(breach, "zh"));
        using var mail = MimeMessage.Parse(composed.Raw);

        Assert.Equal("[Ticket#SUP-000123] SLA 已超时：首次响应已逾期", mail.Subject);
        Assert.Contains("工单 SUP-000123 的首次响应应于 2025-03-12 11:00 (UTC+08:00) 完成，现已逾期 30m（按工作时间计）。", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("状态：处理中", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("优先级：高", mail.TextBody, StringComparison.Ordinal);
    }
}
