using MailTicketing.Storage.Repositories;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Storage.Rows;

/// <summary>A tickets row as selected by <see cref="TicketColumns.Select"/>.</summary>
internal class TicketRow
{
    public long Id { get; init; }
    public string Prefix { get; init; } = "";
    public long Sequence { get; init; }
    public string Mailbox { get; init; } = "";
    public string Queue { get; init; } = "";
    public string? Category { get; init; }
    public string Priority { get; init; } = "";
    public string Status { get; init; } = "";
    public string CustomerAddress { get; init; } = "";
    public string Subject { get; init; } = "";
    public string Language { get; init; } = "";
    public string Flags { get; init; } = "";
    public long CreatedAt { get; init; }
    public long UpdatedAt { get; init; }
    public long? LinkedTicketId { get; init; }
    public string? LinkedPrefix { get; init; }
    public long? LinkedSequence { get; init; }

    public TicketNumber? LinkedNumber =>
        LinkedPrefix is not null && LinkedSequence is { } sequence ? new TicketNumber(LinkedPrefix, sequence) : null;

    public TicketRecord ToRecord() => new(
        Id,
        new TicketNumber(Prefix, Sequence),
        Mailbox,
        Queue,
        Category,
        EnumText.Parse<TicketPriority>(Priority),
        EnumText.Parse<TicketStatus>(Status),
        CustomerAddress,
        Subject,
        Language,
        EnumText.ParseFlags(Flags),
        UnixTime.FromMs(CreatedAt),
        UnixTime.FromMs(UpdatedAt),
        LinkedTicketId);
}
