using System.Globalization;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Routing;
using MailTicketing.Tickets.Sla;
using Spectre.Console;

namespace MailTicketing.Worker.Cli;

/// <summary>`tickets show` output.</summary>
internal static class TicketView
{
    /// <param name="sla">The ticket's SLA clocks now; null when no policy applies.</param>
    public static void Write(IAnsiConsole console, TicketDetails details, SlaStatus? sla)
    {
        var t = details.Ticket;
        console.WriteLine($"{t.Number}  {Shown(t.Subject)}");
        console.WriteLine($"  status {t.Status} ({TicketStatusNames.Chinese(t.Status)}), priority {t.Priority}, queue {t.Queue}{(t.Category is null ? "" : ", category " + t.Category)}");
        console.WriteLine($"  customer {Shown(t.CustomerAddress)}, language {t.Language}, mailboxes {string.Join(", ", details.Mailboxes)}");
        console.WriteLine($"  created {Time(t.CreatedAt)}, updated {Time(t.UpdatedAt)}{(details.LinkedTicket is { } linked ? ", linked to " + linked : "")}");
        if (t.Flags != TicketFlags.None)
        {
            console.WriteLine($"  flags {t.Flags}");
        }

        foreach (var group in details.Identifiers.GroupBy(i => i.Kind))
        {
            console.WriteLine($"  {group.Key}: {string.Join(", ", group.Select(i => i.Chain is null ? i.Value : $"{i.Value} ({i.Chain})"))}");
        }

        if (details.Participants.Count > 0)
        {
            console.WriteLine($"  participants {Shown(string.Join(", ", details.Participants))}");
        }

        WriteRouting(console, details.Routing);
        if (sla is not null)
        {
            console.WriteLine($"  sla {sla.Policy}: first response {SlaDisplay.Describe(sla.FirstResponse)}{Due(sla.FirstResponse)}, resolution {SlaDisplay.Describe(sla.Resolution)}{Due(sla.Resolution)}");
        }

        foreach (var message in details.Messages)
        {
            console.WriteLine();
            var arrow = message.Direction == MessageDirection.Inbound ? "<-" : "->";
            console.WriteLine($"{arrow} {Time(message.ReceivedAt)} {message.Kind} from {Shown(message.FromAddress)} <{Shown(message.MessageId)}>");
            console.WriteLine($"   {Shown(message.Subject)}");
            if (message.Direction == MessageDirection.Inbound)
            {
                console.WriteLine($"   threading: {message.Reason} ({Shown(message.ReasonDetail)})");
            }

            foreach (var attachment in message.Attachments)
            {
                console.WriteLine($"   attachment {Shown(attachment.FileName ?? "(no name)")} {attachment.ContentType} {attachment.Size.ToString(CultureInfo.InvariantCulture)} bytes sha256:{attachment.Sha256[..12]}");
            }

            foreach (var line in message.Text.Split('\n').Take(40))
            {
                console.WriteLine("   | " + Shown(line.TrimEnd('\r')));
            }
        }

        console.WriteLine();
        console.WriteLine("history:");
        foreach (var item in details.Events)
        {
            console.WriteLine($"  {Time(item.At)} {item.Kind}: {Shown(item.Detail)}");
        }
    }

    private static string Due(SlaClock clock) =>
        clock.State != SlaClockState.Stopped && clock.DueAt is { } due ? $" (due {Time(due)})" : "";

    private static void WriteRouting(IAnsiConsole console, TicketRouting routing)
    {
        var parts = new List<string>();
        if (routing.SlaPolicy is not null)
        {
            parts.Add("sla " + routing.SlaPolicy);
        }

        if (routing.AssignGroup is not null)
        {
            parts.Add("assigned to " + routing.AssignGroup);
        }

        if (routing.Tags.Count > 0)
        {
            parts.Add("tags " + string.Join(", ", routing.Tags));
        }

        if (parts.Count > 0)
        {
            console.WriteLine($"  {string.Join("; ", parts)}");
        }

        if (routing.Fields.Count > 0)
        {
            console.WriteLine($"  fields {string.Join(", ", routing.Fields.Select(f => $"{f.Key}={f.Value}"))}");
        }

        console.WriteLine($"  rules fired: {(routing.FiredRules.Count == 0 ? "none" : string.Join(", ", routing.FiredRules))}");
    }

    /// <summary>
    /// A sender's text as one line the terminal only prints: control characters (ESC, BEL, NUL,
    /// line breaks) and bidirectional formatting characters become \uXXXX, so mail cannot move
    /// the cursor, retitle the window, forge lines of this view or reorder what it shows.
    /// </summary>
    private static string Shown(string? text)
    {
        if (text is null || !text.Any(IsUnsafe))
        {
            return text ?? "";
        }

        var shown = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsUnsafe(c))
            {
                shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                shown.Append(c);
            }
        }

        return shown.ToString();
    }

    private static bool IsUnsafe(char c) =>
        (char.IsControl(c) && c != '\t') || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static string Time(DateTimeOffset value) => UtcText.Seconds(value);
}
