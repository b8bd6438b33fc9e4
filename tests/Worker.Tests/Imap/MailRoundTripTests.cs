using System.Globalization;
using System.Text;
using MailTicketing.Imap.Tests.Support;
using MailTicketing.Mime;
using MailTicketing.Smtp;
using MailTicketing.Smtp.Tests.Support;
using MailTicketing.Tickets.Model;
using MailTicketing.Worker.Configuration;

namespace MailTicketing.Worker.Tests.Imap;

/// <summary>
/// The whole loop on the real servers: a customer's mail reaches support@ through Postfix, the
/// worker reads it over IMAP, acknowledges it over SMTP, the acknowledgement lands in the
/// customer's mailbox, and the customer's reply to it joins the same ticket.
/// </summary>
public sealed class MailRoundTripTests : IDisposable
{
    private readonly ImapWorkerHarness _worker = new();

    [DovecotFact]
    public async Task A_customer_mail_is_acknowledged_in_her_mailbox_and_her_reply_to_the_acknowledgement_joins_the_ticket()
    {
        await using var folders = new DovecotFolders();
        var folder = folders.NewName("roundtrip");
        var imap = ImapWorkerHarness.Dovecot(folder);
        _worker.Smtp = new SmtpOptions
        {
            Host = MailServer.Host,
            Port = int.Parse(Environment.GetEnvironmentVariable("MT_SMTP_PORT") ?? throw new InvalidOperationException("MT_SMTP_PORT is not set"), CultureInfo.InvariantCulture),
            Security = SmtpSecurity.StartTls,
            User = MailServer.Staff("support"),
            PasswordVariable = ImapWorkerHarness.PasswordVariable,
            CaFile = MailServer.CaFile,
        };
        var alice = RealServers.Customer("alice");
        var token = Guid.NewGuid().ToString("N");
        var subject = "充值未到账 " + token[..6];
        var customerMessageId = $"<{token}@customer.example>";
        await DovecotFolders.SendToSupportAsync(alice, ImapWorkerHarness.CustomerMail(alice, subject, "我昨天充值的USDT还没有到账，UID: 36925814", token));
        await DovecotFolders.MoveFromInboxAsync(customerMessageId, folder, TimeSpan.FromSeconds(30));

        var (exit, output) = await _worker.RunOnceAsync(imap);

        Assert.True(exit == 0, output);
        var ticket = Assert.Single(await _worker.TicketsAsync());
        // The acknowledgement names the customer's Message-ID in In-Reply-To: that finds exactly this test's one.
        using var acknowledgement = MimeMessage.Parse(await RealServers.WaitForMessageAsync(alice, token, TimeSpan.FromSeconds(30)));
        Assert.Equal($"{token}@customer.example", acknowledgement.InReplyTo);
        Assert.Contains($"[Ticket#{ticket.Number}]", acknowledgement.Subject, StringComparison.Ordinal);
        Assert.Contains(subject, acknowledgement.Subject, StringComparison.Ordinal);
        var acknowledgementId = "<" + (acknowledgement.MessageId ?? throw new InvalidOperationException("the acknowledgement has no Message-ID")) + ">";

        var replyToken = Guid.NewGuid().ToString("N");
        var reply = Encoding.UTF8.GetString(ImapWorkerHarness.CustomerMail(alice, "Re: " + acknowledgement.Subject, "截图在附件里，请尽快处理。", replyToken))
            .Replace("MIME-Version: 1.0\r\n", $"In-Reply-To: {acknowledgementId}\r\nReferences: {customerMessageId} {acknowledgementId}\r\nMIME-Version: 1.0\r\n", StringComparison.Ordinal);
        await DovecotFolders.SendToSupportAsync(alice, Encoding.UTF8.GetBytes(reply));
        await DovecotFolders.MoveFromInboxAsync($"<{replyToken}@customer.example>", folder, TimeSpan.FromSeconds(30));

        (exit, output) = await _worker.RunOnceAsync(imap);

        Assert.True(exit == 0, output);
        Assert.Equal(ticket.Number, Assert.Single(await _worker.TicketsAsync()).Number);
        var details = await _worker.DetailsAsync(ticket.Number);
        Assert.NotNull(details);
        var inbound = details.Messages.Where(m => m.Direction == MessageDirection.Inbound).Select(m => m.MessageId).ToList();
        Assert.Equal(2, inbound.Count);
        Assert.Contains(inbound, id => id is not null && id.Contains(replyToken, StringComparison.Ordinal));
    }

    public void Dispose() => _worker.Dispose();
}
