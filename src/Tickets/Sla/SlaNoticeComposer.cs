using System.Text;
using MailTicketing.Mime;
using MailTicketing.Mime.Writing;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Notices;
using MailTicketing.Tickets.Security;

namespace MailTicketing.Tickets.Sla;

/// <summary>
/// Writes SLA reminder and escalation notices to a queue's team, in English or Chinese: which
/// ticket, which target, when it is due in the policy's time zone, and the business time left
/// or overdue as of the notice.
/// </summary>
public sealed class SlaNoticeComposer(MessageIdSigner signer)
{
    public ComposedNotice Compose(SlaNoticeRequest request)
    {
        var chinese = request.Language == "zh";
        var messageId = signer.Create(request.Ticket, NoticeMail.DomainOf(request.From.Address));
        var subject = request.Ticket.Tag + " " + (chinese ? ChineseHeadline(request) : EnglishHeadline(request));
        var text = chinese ? ChineseBody(request) : EnglishBody(request);
        var message = new OutgoingMessage
        {
            From = request.From,
            To = { new MailboxAddress(null, request.TeamAddress) },
            Subject = subject,
            Date = request.Date,
            MessageId = messageId,
            // The ticket's first message is usually the customer's: an id the writer refuses is left out.
            InReplyTo = ReplyHeaders.NormalizeMessageId(request.TicketMessageId),
            TextBody = text,
        };
        if (ReplyHeaders.NormalizeMessageId(request.TicketMessageId) is { } first)
        {
            message.References.Add(first);
        }

        NoticeMail.MarkAutomatic(message, request.Ticket, reply: false);
        message.Headers.Add(new OutgoingHeader("X-MailTicketing-Notice", request.Notice.Key));
        return new ComposedNotice(request.TeamAddress, messageId, subject, text, MessageWriter.ToBytes(message));
    }

    private static string EnglishHeadline(SlaNoticeRequest r)
    {
        var what = r.Notice.Clock.Kind == SlaClockKind.FirstResponse ? "first response" : "resolution";
        return r.Notice.Kind == SlaNoticeKind.Breach
            ? $"SLA breached: {what} overdue"
            : $"SLA reminder: {what} due {Due(r)}";
    }

    private static string ChineseHeadline(SlaNoticeRequest r)
    {
        var what = r.Notice.Clock.Kind == SlaClockKind.FirstResponse ? "首次响应" : "解决";
        return r.Notice.Kind == SlaNoticeKind.Breach
            ? $"SLA 已超时：{what}已逾期"
            : $"SLA 提醒：{what}将于 {Due(r)} 到期";
    }

    private static string EnglishBody(SlaNoticeRequest r)
    {
        var clock = r.Notice.Clock;
        var what = clock.Kind == SlaClockKind.FirstResponse ? "First response" : "Resolution";
        var text = new StringBuilder();
        if (r.Notice.Kind == SlaNoticeKind.Breach)
        {
            text.Append($"{what} on ticket {r.Ticket} was due {Due(r)} and is overdue by {SlaDisplay.Duration(-clock.Remaining)} of business time. Please take it up now.\n");
        }
        else
        {
            var left = clock.Remaining > TimeSpan.Zero ? $"{SlaDisplay.Duration(clock.Remaining)} of business time left" : $"already overdue by {SlaDisplay.Duration(-clock.Remaining)}";
            text.Append($"{what} on ticket {r.Ticket} is due {Due(r)}: {left}.\n");
        }

        text.Append('\n');
        text.Append($"Ticket:   {r.Ticket}\n");
        text.Append($"Subject:  {r.Subject}\n");
        text.Append($"Customer: {r.CustomerAddress}\n");
        text.Append($"Queue:    {r.Queue}\n");
        text.Append($"Priority: {r.Priority}\n");
        text.Append($"Status:   {TicketStatusNames.English(r.Status)}\n");
        text.Append($"Policy:   {r.Policy.Name} (first response {SlaDisplay.Duration(r.Policy.FirstResponse)}, resolution {SlaDisplay.Duration(r.Policy.Resolution)}, business hours of {r.Policy.Calendar.Name})\n");
        text.Append("\nThis is an automatic notice; it is sent once.\n");
        return text.ToString();
    }

    private static string ChineseBody(SlaNoticeRequest r)
    {
        var clock = r.Notice.Clock;
        var what = clock.Kind == SlaClockKind.FirstResponse ? "首次响应" : "解决";
        var text = new StringBuilder();
        if (r.Notice.Kind == SlaNoticeKind.Breach)
        {
            text.Append($"工单 {r.Ticket} 的{what}应于 {Due(r)} 完成，现已逾期 {SlaDisplay.Duration(-clock.Remaining)}（按工作时间计）。请立即处理。\n");
        }
        else
        {
            var left = clock.Remaining > TimeSpan.Zero ? $"剩余工作时间 {SlaDisplay.Duration(clock.Remaining)}" : $"已逾期 {SlaDisplay.Duration(-clock.Remaining)}";
            text.Append($"工单 {r.Ticket} 的{what}将于 {Due(r)} 到期，{left}。\n");
        }

        text.Append('\n');
        text.Append($"工单：{r.Ticket}\n");
        text.Append($"主题：{r.Subject}\n");
        text.Append($"客户：{r.CustomerAddress}\n");
        text.Append($"队列：{r.Queue}\n");
        text.Append($"优先级：{ChinesePriority(r.Priority)}\n");
        text.Append($"状态：{TicketStatusNames.Chinese(r.Status)}\n");
        text.Append($"SLA 策略：{r.Policy.Name}（首次响应 {SlaDisplay.Duration(r.Policy.FirstResponse)}，解决 {SlaDisplay.Duration(r.Policy.Resolution)}，按 {r.Policy.Calendar.Name} 工作时间）\n");
        text.Append("\n此为系统自动通知，仅发送一次。\n");
        return text.ToString();
    }

    private static string Due(SlaNoticeRequest r) =>
        r.Notice.Clock.DueAt is { } due ? NoticeMail.Time(due, r.Policy.Calendar.TimeZone) : "(paused)";

    private static string ChinesePriority(TicketPriority priority) => priority switch
    {
        TicketPriority.Low => "低",
        TicketPriority.Normal => "普通",
        TicketPriority.High => "高",
        TicketPriority.Urgent => "紧急",
        _ => priority.ToString(),
    };
}
