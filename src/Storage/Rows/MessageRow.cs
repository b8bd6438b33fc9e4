using MailTicketing.Storage.Repositories;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Storage.Rows;

internal sealed class MessageRow
{
    public long Id { get; init; }
    public long TicketId { get; init; }
    public string Mailbox { get; init; } = "";
    public string Direction { get; init; } = "";
    public string Kind { get; init; } = "";
    public string? MessageId { get; init; }
    public string FromAddress { get; init; } = "";
    public string? FromName { get; init; }
    public string Subject { get; init; } = "";
    public long ReceivedAt { get; init; }
    public string Reason { get; init; } = "";
    public string ReasonDetail { get; init; } = "";
    public string Text { get; init; } = "";
    public string? RawSha256 { get; init; }

    public StoredMessage ToStored(IReadOnlyList<StoredAttachment> attachments) => new(
        Id,
        Mailbox,
        EnumText.Parse<MessageDirection>(Direction),
        EnumText.Parse<MessageKind>(Kind),
        MessageId,
        FromAddress,
        FromName,
        Subject,
        UnixTime.FromMs(ReceivedAt),
        EnumText.Parse<ThreadingReason>(Reason),
        ReasonDetail,
        Text,
        RawSha256,
        attachments);

    public MessageRef ToRef() => new(
        Id,
        TicketId,
        Mailbox,
        EnumText.Parse<MessageDirection>(Direction),
        EnumText.Parse<MessageKind>(Kind),
        FromAddress,
        UnixTime.FromMs(ReceivedAt));
}
