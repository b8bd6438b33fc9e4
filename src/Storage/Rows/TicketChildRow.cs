using MailTicketing.Storage.Repositories;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Storage.Rows;

/// <summary>One row of a ticket's identifiers, participants, mailboxes or events; the columns unused by a query stay null.</summary>
internal sealed class TicketChildRow
{
    public long TicketId { get; init; }
    public string? Kind { get; init; }
    public string? Value { get; init; }
    public string? Chain { get; init; }
    public long At { get; init; }
    public string? Detail { get; init; }

    public Identifier ToIdentifier() => new(EnumText.Parse<IdentifierKind>(Kind ?? ""), Value ?? "", Chain);

    public TicketEvent ToEvent() => new(UnixTime.FromMs(At), Kind ?? "", Detail ?? "");
}
