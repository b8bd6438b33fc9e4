using System.Globalization;
using MailTicketing.Mime.Writing;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Threading;

namespace MailTicketing.Tickets.Notices;

/// <summary>
/// What every automatic mail about a ticket shares: acknowledgements, SLA notices to teams,
/// follow-ups to customers. One place for the RFC 3834 marking, the subject tag, the reply
/// subject, the standing warning about secrets and how times are shown.
/// </summary>
internal static class NoticeMail
{
    private static readonly string[] ReplyPrefixes = ["re:", "fw:", "fwd:", "aw:", "回复:", "回复：", "答复:", "答复：", "转发:", "转发："];

    /// <summary>The domain our signed Message-IDs are made in: the sending mailbox's.</summary>
    public static string DomainOf(string address) => address.Split('@') is [_, var domain] ? domain : "localhost";

    /// <summary>
    /// RFC 3834 §5: "auto-replied" for an answer to a message, "auto-generated" for anything
    /// else we send on our own (reminders, closings), so well-behaved responders stay quiet.
    /// </summary>
    public static void MarkAutomatic(OutgoingMessage message, TicketNumber ticket, bool reply)
    {
        message.Headers.Add(new OutgoingHeader("Auto-Submitted", reply ? "auto-replied" : "auto-generated"));
        message.Headers.Add(new OutgoingHeader("X-Auto-Response-Suppress", "All"));
        message.Headers.Add(new OutgoingHeader("X-MailTicketing-Ticket", ticket.ToString()));
    }

    /// <summary>"Re: [Ticket#SUP-000123] original subject", the prefix in the customer's language, the customer's own prefixes removed.</summary>
    public static string ReplySubject(TicketNumber ticket, string originalSubject, bool chinese) =>
        SubjectTag.Apply(ticket, (chinese ? "回复: " : "Re: ") + StripReplyPrefixes(originalSubject));

    public static string StaffNeverAskForSecrets(bool chinese) => chinese
        ? "重要提示：我们的工作人员绝不会向您索要密码、私钥、助记词或二次验证码。任何索要这些信息的人都不是我们。"
        : "Important: our staff will never ask for your password, private keys, seed phrase or 2FA codes. Anyone who does is not us.";

    /// <summary>"2025-03-18 09:00 (UTC+08:00)": local time in the zone, with its offset so no reader has to guess.</summary>
    public static string Time(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            + $" (UTC{sign}{Math.Abs(offset.Hours):D2}:{Math.Abs(offset.Minutes):D2})";
    }

    private static string StripReplyPrefixes(string subject)
    {
        var result = subject.Trim();
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var prefix in ReplyPrefixes)
            {
                if (result.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    result = result[prefix.Length..].TrimStart();
                    changed = true;
                }
            }
        }

        return result.Length == 0 ? "(no subject)" : result;
    }
}
