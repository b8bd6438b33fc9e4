using System.Globalization;
using System.Text;
using MailTicketing.Mime;
using MailTicketing.Mime.Writing;
using MailTicketing.Tickets.Notices;
using MailTicketing.Tickets.Security;

namespace MailTicketing.Tickets.Acknowledgements;

/// <summary>
/// Writes the acknowledgement of a new ticket in the customer's language: the ticket number,
/// what to send next (only what is missing), the promised response time, a rotation warning
/// when secrets were found, and the standing warning that staff never ask for secrets.
/// </summary>
public sealed class AcknowledgementComposer(MessageIdSigner signer)
{
    public ComposedAcknowledgement Compose(AcknowledgementRequest request)
    {
        var chinese = request.Language == "zh";
        var messageId = signer.Create(request.Ticket, NoticeMail.DomainOf(request.Mailbox.Address));
        var subject = request.Minimal
            ? request.Ticket.Tag
            : NoticeMail.ReplySubject(request.Ticket, request.OriginalSubject, chinese);

        var message = new OutgoingMessage
        {
            From = new MailboxAddress(request.Mailbox.DisplayName, request.Mailbox.Address),
            To = { new MailboxAddress(request.CustomerName, request.CustomerAddress) },
            Subject = subject,
            Date = request.Date,
            MessageId = messageId,
            // The customer's Message-ID is theirs, not checked: one the writer refuses is left out.
            InReplyTo = ReplyHeaders.NormalizeMessageId(request.OriginalMessageId),
            TextBody = chinese ? ChineseBody(request) : EnglishBody(request),
        };
        NoticeMail.MarkAutomatic(message, request.Ticket, reply: true);
        foreach (var reference in ReplyHeaders.BuildReferences(request.OriginalReferences, request.OriginalMessageId))
        {
            message.References.Add(reference);
        }

        return new ComposedAcknowledgement(messageId, subject, message.TextBody!, MessageWriter.ToBytes(message));
    }

    private static string EnglishBody(AcknowledgementRequest r)
    {
        if (r.Minimal)
        {
            return $"We have received your message. Ticket: {r.Ticket}\n\n{r.CompanyName}\n";
        }

        var text = new StringBuilder();
        text.Append("Hello,\n\n");
        text.Append(CultureInfo.InvariantCulture, $"We have received your message and opened ticket {r.Ticket}. Please keep {r.Ticket.Tag} in the subject when you write to us about it.\n");

        text.Append(CultureInfo.InvariantCulture, $"We aim to reply within {Hours(r.Mailbox.ResponseTime)} hours.\n");
        var asks = new List<string>();
        if (!r.HasAccountUid)
        {
            asks.Add("your account UID");
        }

        if (!r.HasTransactionId)
        {
            asks.Add("the transaction ID (TxID / hash) and the time of the transaction, if your question is about a deposit or withdrawal");
        }

        if (!r.HasAttachments)
        {
            asks.Add("screenshots of what you see");
        }

        if (asks.Count > 0)
        {
            text.Append("\nTo help us resolve it quickly, please reply with:\n");
            foreach (var ask in asks)
            {
                text.Append("- ").Append(ask).Append('\n');
            }
        }

        if (r.SecretKinds.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nYour message contained a {string.Join(", ", r.SecretKinds)}. We removed it from our records, but it has travelled by email: treat it as exposed and change it now (for a seed phrase or private key, move your funds to a new wallet).\n");
        }

        text.Append('\n').Append(NoticeMail.StaffNeverAskForSecrets(chinese: false)).Append("\n\n");
        text.Append(r.CompanyName).Append('\n');
        return text.ToString();
    }

    private static string ChineseBody(AcknowledgementRequest r)
    {
        if (r.Minimal)
        {
            return $"我们已收到您的邮件。工单号：{r.Ticket}\n\n{r.CompanyName}\n";
        }

        var text = new StringBuilder();
        text.Append("您好，\n\n");
        text.Append(CultureInfo.InvariantCulture, $"我们已收到您的邮件，工单号为 {r.Ticket}（状态：已提交）。再次来信时请在主题中保留 {r.Ticket.Tag}。\n");

        text.Append(CultureInfo.InvariantCulture, $"我们会在 {Hours(r.Mailbox.ResponseTime)} 小时内回复您。\n");
        var asks = new List<string>();
        if (!r.HasAccountUid)
        {
            asks.Add("您的账户 UID");
        }

        if (!r.HasTransactionId)
        {
            asks.Add("如涉及充值或提现，请提供交易哈希（TxID）及交易时间");
        }

        if (!r.HasAttachments)
        {
            asks.Add("相关页面的截图");
        }

        if (asks.Count > 0)
        {
            text.Append("\n为了尽快为您处理，请回复以下信息：\n");
            foreach (var ask in asks)
            {
                text.Append("- ").Append(ask).Append('\n');
            }
        }

        if (r.SecretKinds.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n您的邮件中包含{string.Join("、", r.SecretKinds.Select(ChineseSecretName))}。我们已从记录中删除，但它已经通过邮件传输，请视为已泄露并立即更换（如为助记词或私钥，请尽快将资产转移到新钱包）。\n");
        }

        text.Append('\n').Append(NoticeMail.StaffNeverAskForSecrets(chinese: true)).Append("\n\n");
        text.Append(r.CompanyName).Append('\n');
        return text.ToString();
    }

    private static string ChineseSecretName(string kind) => kind switch
    {
        "password" => "密码",
        "private key" => "私钥",
        "seed phrase" => "助记词",
        "API secret" => "API 密钥",
        "2FA secret" => "二次验证密钥",
        _ => kind,
    };

    private static string Hours(TimeSpan time) => Math.Ceiling(time.TotalHours).ToString(CultureInfo.InvariantCulture);
}

/// <summary>An acknowledgement ready for the outbox.</summary>
public sealed record ComposedAcknowledgement(string MessageId, string Subject, string Text, byte[] Raw);
