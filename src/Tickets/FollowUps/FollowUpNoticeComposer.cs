using System.Text;
using MailTicketing.Mime;
using MailTicketing.Mime.Writing;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Notices;
using MailTicketing.Tickets.Security;

namespace MailTicketing.Tickets.FollowUps;

/// <summary>
/// Writes follow-up mail to the customer in their language: the reminder that we wait for
/// their reply (and when the ticket will close), and the notice that it was closed. A reply to
/// a closed ticket opens a follow-up ticket linked to it, and the text says so.
/// </summary>
public sealed class FollowUpNoticeComposer(MessageIdSigner signer)
{
    public ComposedNotice Compose(FollowUpNoticeRequest request)
    {
        if (!request.Action.NotifyCustomer)
        {
            throw new ArgumentException($"{request.Action.Key} closes the ticket silently; there is no notice to write.", nameof(request));
        }

        var chinese = request.Language == "zh";
        var messageId = signer.Create(request.Ticket, NoticeMail.DomainOf(request.Mailbox.Address));
        var subject = NoticeMail.ReplySubject(request.Ticket, request.OriginalSubject, chinese);
        var text = chinese ? ChineseBody(request) : EnglishBody(request);
        var message = new OutgoingMessage
        {
            From = new MailboxAddress(request.Mailbox.DisplayName, request.Mailbox.Address),
            To = { new MailboxAddress(request.CustomerName, request.CustomerAddress) },
            Subject = subject,
            Date = request.Date,
            MessageId = messageId,
            // The latest message may be the customer's: an id the writer refuses is left out.
            InReplyTo = ReplyHeaders.NormalizeMessageId(request.LastMessageId),
            TextBody = text,
        };
        foreach (var reference in ReplyHeaders.BuildReferences(request.References, request.LastMessageId))
        {
            message.References.Add(reference);
        }

        NoticeMail.MarkAutomatic(message, request.Ticket, reply: false);
        message.Headers.Add(new OutgoingHeader("X-MailTicketing-Notice", request.Action.Key));
        return new ComposedNotice(request.CustomerAddress, messageId, subject, text, MessageWriter.ToBytes(message));
    }

    private static string EnglishBody(FollowUpNoticeRequest r)
    {
        var text = new StringBuilder("Hello,\n\n");
        switch (r.Action.Kind)
        {
            case FollowUpActionKind.WaitingReminder:
                text.Append($"We are still waiting for your reply about ticket {r.Ticket} (status: {TicketStatusNames.English(TicketStatus.WaitingOnCustomer)}). Please reply to this email with the information we asked for, and keep {r.Ticket.Tag} in the subject.\n");
                if (r.Action.ClosesAt is { } closes)
                {
                    text.Append($"\nIf we do not hear from you by {NoticeMail.Time(closes, r.TimeZone)}, we will close the ticket.\n");
                }

                break;
            case FollowUpActionKind.WaitingAutoClose:
                text.Append($"We have not heard from you, so we have closed ticket {r.Ticket} (status: {TicketStatusNames.English(TicketStatus.Closed)}).\n");
                text.Append("If you still need help, simply reply to this email: we will open a new ticket linked to this one.\n");
                break;
            default:
                text.Append($"Your ticket {r.Ticket} was resolved and we have now closed it (status: {TicketStatusNames.English(TicketStatus.Closed)}).\n");
                text.Append("If the problem comes back, simply reply to this email: we will open a new ticket linked to this one.\n");
                break;
        }

        text.Append('\n').Append(NoticeMail.StaffNeverAskForSecrets(chinese: false)).Append("\n\n");
        text.Append(r.CompanyName).Append('\n');
        return text.ToString();
    }

    private static string ChineseBody(FollowUpNoticeRequest r)
    {
        var text = new StringBuilder("您好，\n\n");
        switch (r.Action.Kind)
        {
            case FollowUpActionKind.WaitingReminder:
                text.Append($"您的工单 {r.Ticket} 正在等待您的回复（状态：{TicketStatusNames.Chinese(TicketStatus.WaitingOnCustomer)}）。请直接回复本邮件，提供我们所需的信息，并在主题中保留 {r.Ticket.Tag}。\n");
                if (r.Action.ClosesAt is { } closes)
                {
                    text.Append($"\n如果在 {NoticeMail.Time(closes, r.TimeZone)} 之前仍未收到您的回复，我们将关闭此工单。\n");
                }

                break;
            case FollowUpActionKind.WaitingAutoClose:
                text.Append($"由于一直未收到您的回复，我们已关闭工单 {r.Ticket}（状态：{TicketStatusNames.Chinese(TicketStatus.Closed)}）。\n");
                text.Append("如仍需帮助，直接回复本邮件即可，我们会为您新建一个与此关联的工单。\n");
                break;
            default:
                text.Append($"您的工单 {r.Ticket} 已解决，现已关闭（状态：{TicketStatusNames.Chinese(TicketStatus.Closed)}）。\n");
                text.Append("如问题再次出现，直接回复本邮件即可，我们会为您新建一个与此关联的工单。\n");
                break;
        }

        text.Append('\n').Append(NoticeMail.StaffNeverAskForSecrets(chinese: true)).Append("\n\n");
        text.Append(r.CompanyName).Append('\n');
        return text.ToString();
    }
}
