using MailTicketing.Mime;

namespace MailTicketing.Tickets.Ingestion;

/// <summary>
/// When a message arrived: the date of the topmost Received header (added by our own server),
/// else the Date header. An imported backlog then threads as it would have live.
/// </summary>
public static class ReceivedTime
{
    public static DateTimeOffset? Of(MimeMessage message)
    {
        var received = message.Headers.Find("Received")?.Value;
        if (received is not null)
        {
            // RFC 5321 §4.4: the date follows the last semicolon.
            var semicolon = received.LastIndexOf(';');
            if (semicolon >= 0 && DateParser.TryParse(received[(semicolon + 1)..], out var date))
            {
                return date;
            }
        }

        return message.Date;
    }
}
