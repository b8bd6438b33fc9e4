using System.Text;
using MailTicketing.Mime;
using MailTicketing.Smtp;
using MailTicketing.Smtp.Tests.Support;
using MailTicketing.Worker.Configuration;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Worker.Tests.Outbox;

/// <summary>The outbox against the private Postfix (submission, STARTTLS, AUTH), read back from the customer's Maildir.</summary>
public sealed class SmtpOutboxPostfixTests
{
    [RealServerFact]
    public async Task An_acknowledgement_reaches_the_customers_mailbox_with_tag_chinese_subject_and_threading_headers()
    {
        var alice = RealServers.Customer("alice");
        var support = RealServers.Staff("support");
        var submission = RealServers.Submission(support);
        await using var h = await TicketingHarness.StartAsync(options => options.Smtp = new SmtpOptions
        {
            Host = submission.Host,
            Port = submission.Port,
            Security = SmtpSecurity.StartTls,
            User = support,
            PasswordVariable = "MT_MAIL_PASSWORD",
            CaFile = RealServers.CaFile,
        });
        var customer = new TestMail { From = $"Alice Wang <{alice}>", Subject = "提现未到账", Body = "客服你好，我昨天提现的USDT到现在还没有到账。" };
        await h.NewTicketAsync(customer);
        var acknowledgement = Assert.Single(await h.PendingOutboxAsync());

        Assert.Equal(1, await h.Services.Sender.DeliverDueAsync(CancellationToken.None));

        var delivered = await RealServers.WaitForMessageAsync(alice, acknowledgement.MessageId.Trim('<', '>'));
        using var message = MimeMessage.Parse(delivered);
        Assert.Contains("[Ticket#SUP-000001]", message.Subject, StringComparison.Ordinal);
        Assert.Contains("提现未到账", message.Subject, StringComparison.Ordinal);
        Assert.Equal(customer.MessageId, message.InReplyTo);
        Assert.StartsWith("auto-", message.Headers["Auto-Submitted"], StringComparison.Ordinal);
        Assert.Equal(support, Assert.Single(message.From.Mailboxes).Address);
        // Postfix's Return-Path is the envelope sender the outbox chose.
        Assert.Contains($"Return-Path: <{support}>", Encoding.UTF8.GetString(delivered), StringComparison.Ordinal);

        Assert.Empty(await h.PendingOutboxAsync());
        Assert.Contains((await h.TicketAsync("SUP-000001")).Events, e => e.Kind == "outbox-sent" && e.Detail.Contains("queued as", StringComparison.Ordinal));
    }
}
