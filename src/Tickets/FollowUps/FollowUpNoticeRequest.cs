using MailTicketing.Tickets.Configuration;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.FollowUps;

/// <summary>Everything a follow-up mail to the customer says and where it goes.</summary>
/// <param name="Language">"zh" or "en": the ticket's language.</param>
/// <param name="LastMessageId">The ticket's latest message (ours or theirs), so the mail threads; null if unknown.</param>
/// <param name="TimeZone">The zone in which the closing time is shown (the mailbox's or the follow-up calendar's).</param>
public sealed record FollowUpNoticeRequest(
    FollowUpAction Action,
    TicketNumber Ticket,
    MailboxDefinition Mailbox,
    string CompanyName,
    string CustomerAddress,
    string? CustomerName,
    string OriginalSubject,
    string? LastMessageId,
    IReadOnlyList<string> References,
    string Language,
    TimeZoneInfo TimeZone,
    DateTimeOffset Date);
