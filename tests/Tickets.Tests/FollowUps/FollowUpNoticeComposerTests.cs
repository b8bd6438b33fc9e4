using MailTicketing.Mime;
using MailTicketing.Tickets.Configuration;
using MailTicketing.Tickets.FollowUps;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Security;
using static MailTicketing.Tickets.Tests.Sla.Calendars;

namespace MailTicketing.Tickets.Tests.FollowUps;

public sealed class FollowUpNoticeComposerTests
{
    private static readonly MessageIdSigner Signer = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly FollowUpSchedule Schedule = new(true, TimeSpan.FromHours(48), TimeSpan.FromDays(7), TimeSpan.FromDays(3), notifyOnResolvedClose: true);
    private static readonly MailboxDefinition Support = new("support", "support@exchange.example", "SUP", TimeSpan.FromHours(24), "Example Exchange Support");

    private static FollowUpAction Action(TicketStatus status, DateTimeOffset since, DateTimeOffset now) =>
        Assert.Single(FollowUpPlanner.Due(Schedule, new FollowUpFacts(123, status, since), new HashSet<string>(), now));

    private static MimeMessage Compose(FollowUpAction action, string language, out string recipient)
    {
        var request = new FollowUpNoticeRequest(
            action,
            TicketNumber.Parse("SUP-000123"),
            Support,
            "Example Exchange Support",
            "alice@customer.example",
            "Alice",
            "Re: 充值未到账",
            "t.SUP-000123.last@exchange.example",
            ["q1@customer.example"],
            language,
            Shanghai,
            action.Moment);
        var composed = new FollowUpNoticeComposer(Signer).Compose(request);
        recipient = composed.Recipient;
        return MimeMessage.Parse(composed.Raw);
    }

    [Fact]
    public void A_chinese_reminder_asks_for_a_reply_and_says_when_the_ticket_closes()
    {
        using var mail = Compose(Action(TicketStatus.WaitingOnCustomer, Sh(3, 11, 9), Sh(3, 13, 9)), "zh", out var recipient);

        Assert.Equal("alice@customer.example", recipient);
        Assert.Equal("[Ticket#SUP-000123] 回复: 充值未到账", mail.Subject);
        Assert.Contains("您的工单 SUP-000123 正在等待您的回复（状态：等待您的回复）", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("如果在 2025-03-18 09:00 (UTC+08:00) 之前仍未收到您的回复，我们将关闭此工单。", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("重要提示：我们的工作人员绝不会向您索要密码", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]?.Trim());
        Assert.Equal("followup:123:waiting:20250311T010000Z:reminder", mail.Headers["X-MailTicketing-Notice"]?.Trim());
    }

    [Fact]
    public void An_english_auto_close_threads_to_the_last_message_and_explains_how_to_come_back()
    {
        using var mail = Compose(Action(TicketStatus.WaitingOnCustomer, Sh(3, 11, 9), Sh(3, 18, 9)), "en", out _);

        Assert.Equal("[Ticket#SUP-000123] Re: 充值未到账", mail.Subject);
        Assert.Contains("We have not heard from you, so we have closed ticket SUP-000123 (status: Closed).", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("reply to this email: we will open a new ticket linked to this one", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Important: our staff will never ask", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("t.SUP-000123.last@exchange.example", mail.InReplyTo);
        Assert.Equal(["q1@customer.example", "t.SUP-000123.last@exchange.example"], mail.References);
        Assert.Equal(MessageIdCheck.Valid, Signer.Check(mail.MessageId!, out _));
        Assert.Equal("Alice", Assert.Single(mail.To.Mailboxes).Name);
    }

    [Fact]
    public void A_chinese_resolved_close_uses_the_chinese_status_names()
    {
        using var mail = Compose(Action(TicketStatus.Resolved, Sh(3, 11, 9), Sh(3, 14, 9)), "zh", out _);
        Assert.Contains("您的工单 SUP-000123 已解决，现已关闭（状态：已关闭）。", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_silent_close_has_no_notice_to_write()
    {
        var silent = new FollowUpSchedule(true, null, TimeSpan.FromDays(7), TimeSpan.FromDays(3), notifyOnResolvedClose: false);
        var action = Assert.Single(FollowUpPlanner.Due(silent, new FollowUpFacts(123, TicketStatus.Resolved, Sh(3, 11, 9)), new HashSet<string>(), Sh(3, 14, 9)));
        Assert.Throws<ArgumentException>(() => Compose(action, "en", out _));
    }
}
