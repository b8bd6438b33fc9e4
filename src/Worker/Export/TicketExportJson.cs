using System.Globalization;
using System.Text.Json;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Routing;
using MailTicketing.Worker.Json;

namespace MailTicketing.Worker.Export;

/// <summary>
/// Writes tickets as a JSON array, one ticket at a time (the export streams). The shape is a
/// documented contract (README.md, "tickets export"): fields are added, never renamed or removed.
/// </summary>
internal static class TicketExportJson
{
    public static async Task<int> WriteAsync(IAsyncEnumerable<TicketDetails> tickets, Stream output, CancellationToken cancellationToken)
    {
        var count = 0;
        await using var json = new Utf8JsonWriter(output, JsonOutput.Options);
        json.WriteStartArray();
        await foreach (var details in tickets.WithCancellation(cancellationToken))
        {
            WriteTicket(json, details);
            count++;
            if (json.BytesPending > 64 * 1024)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
        return count;
    }

    private static void WriteTicket(Utf8JsonWriter json, TicketDetails details)
    {
        var ticket = details.Ticket;
        json.WriteStartObject();
        json.WriteString("number", ticket.Number.ToString());
        json.WriteString("mailbox", ticket.Mailbox);
        json.WriteStringArray("mailboxes", details.Mailboxes);
        json.WriteString("status", ticket.Status.ToString());
        json.WriteString("priority", ticket.Priority.ToString());
        json.WriteString("queue", ticket.Queue);
        json.WriteString("category", ticket.Category);
        json.WriteString("customer", ticket.CustomerAddress);
        json.WriteString("subject", ticket.Subject);
        json.WriteString("language", ticket.Language);
        json.WriteString("createdAt", Time(ticket.CreatedAt));
        json.WriteString("updatedAt", Time(ticket.UpdatedAt));
        json.WriteString("linkedTicket", details.LinkedTicket?.ToString());
        json.WriteStringArray("uids", Values(details, IdentifierKind.AccountUid));
        json.WriteStartArray("txids");
        foreach (var txid in details.Identifiers.Where(i => i.Kind == IdentifierKind.TransactionId))
        {
            json.WriteStartObject();
            json.WriteString("value", txid.Value);
            json.WriteString("chain", txid.Chain);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStringArray("orderIds", Values(details, IdentifierKind.OrderId));
        json.WriteStringArray("walletAddresses", Values(details, IdentifierKind.WalletAddress));
        json.WriteStringArray("flags", Enum.GetValues<TicketFlags>().Where(f => f != TicketFlags.None && ticket.Flags.HasFlag(f)).Select(f => f.ToString()).ToList());
        json.WriteStringArray("participants", details.Participants);
        WriteRouting(json, details.Routing);

        json.WriteStartArray("messages");
        foreach (var message in details.Messages)
        {
            json.WriteStartObject();
            json.WriteString("direction", message.Direction == MessageDirection.Inbound ? "in" : "out");
            json.WriteString("kind", message.Kind.ToString());
            json.WriteString("mailbox", message.Mailbox);
            json.WriteString("messageId", message.MessageId);
            json.WriteString("from", message.FromAddress);
            json.WriteString("subject", message.Subject);
            json.WriteString("receivedAt", Time(message.ReceivedAt));
            json.WriteString("threadingReason", message.Reason.ToString());
            json.WriteString("threadingDetail", message.ReasonDetail);
            json.WriteString("text", message.Text);
            json.WriteStartArray("attachments");
            foreach (var attachment in message.Attachments)
            {
                json.WriteStartObject();
                json.WriteString("fileName", attachment.FileName);
                json.WriteString("contentType", attachment.ContentType);
                json.WriteNumber("size", attachment.Size);
                json.WriteString("sha256", attachment.Sha256);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("events");
        foreach (var item in details.Events)
        {
            json.WriteStartObject();
            json.WriteString("at", Time(item.At));
            json.WriteString("kind", item.Kind);
            json.WriteString("detail", item.Detail);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>slaPolicy, assignGroup, tags, fields (an object) and rules: every rule that fired for the ticket.</summary>
    private static void WriteRouting(Utf8JsonWriter json, TicketRouting routing)
    {
        json.WriteString("slaPolicy", routing.SlaPolicy);
        json.WriteString("assignGroup", routing.AssignGroup);
        json.WriteStringArray("tags", routing.Tags);
        json.WriteStartObject("fields");
        foreach (var (name, value) in routing.Fields)
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
        json.WriteStringArray("rules", routing.FiredRules);
    }

    private static List<string> Values(TicketDetails details, IdentifierKind kind) =>
        details.Identifiers.Where(i => i.Kind == kind).Select(i => i.Value).ToList();

    private static string Time(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
