using MailTicketing.Storage.Repositories;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Storage.Rows;

internal sealed class OutboxRow
{
    public long Id { get; init; }
    public long TicketId { get; init; }
    public string Prefix { get; init; } = "";
    public long Sequence { get; init; }
    public long MessageRowId { get; init; }
    public string Recipient { get; init; } = "";
    public string MessageId { get; init; } = "";
    public byte[] Raw { get; init; } = [];
    public string State { get; init; } = "";
    public long Attempts { get; init; }
    public string? LastError { get; init; }
    public long CreatedAt { get; init; }
    public long? NextAttemptAt { get; init; }
    public long? SentAt { get; init; }

    public OutboxEntry ToEntry() => new(
        Id,
        TicketId,
        new TicketNumber(Prefix, Sequence),
        MessageRowId,
        Recipient,
        MessageId,
        Raw,
        EnumText.Parse<OutboxState>(State),
        checked((int)Attempts),
        LastError,
        UnixTime.FromMs(CreatedAt),
        UnixTime.FromMs(NextAttemptAt),
        UnixTime.FromMs(SentAt));
}
