namespace MailTicketing.Storage.Rows;

/// <summary>The select list that fills a <see cref="TicketRow"/>; queries alias the tickets table as t and the linked ticket as l.</summary>
internal static class TicketColumns
{
    public const string Select = """
        t.id AS Id, t.prefix AS Prefix, t.sequence AS Sequence, t.mailbox AS Mailbox, t.queue AS Queue,
        t.category AS Category, t.priority AS Priority, t.status AS Status, t.customer_address AS CustomerAddress,
        t.subject AS Subject, t.language AS Language, t.flags AS Flags, t.created_at AS CreatedAt,
        t.updated_at AS UpdatedAt, t.linked_ticket_id AS LinkedTicketId,
        l.prefix AS LinkedPrefix, l.sequence AS LinkedSequence
        """;

    public const string From = "tickets t LEFT JOIN tickets l ON l.id = t.linked_ticket_id";
}
