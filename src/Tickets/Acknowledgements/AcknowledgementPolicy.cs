using MailTicketing.Mime;
using MailTicketing.Mime.Writing;
using MailTicketing.Tickets.Configuration;
using MailTicketing.Tickets.Ports;

namespace MailTicketing.Tickets.Acknowledgements;

/// <summary>
/// Whether a new ticket gets an acknowledgement. Never to machines (RFC 3834: bounces,
/// auto-replies, bulk and list mail, null senders, X-Auto-Response-Suppress), no-reply
/// senders, our own addresses, addresses that bounced permanently, and not more than the
/// hourly cap per sender, so two auto-responders cannot loop.
/// </summary>
public sealed class AcknowledgementPolicy(TicketingOptions options)
{
    private static readonly string[] NoReplyLocalParts =
    [
        "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "mailer-daemon", "postmaster", "bounce", "bounces", "notifications", "notification",
    ];

    /// <summary>Null when an acknowledgement may be sent; otherwise why not. The hourly cap counts acknowledgements queued in the hour before <paramref name="now"/>.</summary>
    public async Task<string?> WhyNotAsync(ITicketSession session, MimeMessage message, string sender, bool suppressedByRouting, DateTimeOffset now)
    {
        var automation = message.Automation;
        if (automation.IsMachineGenerated)
        {
            return "machine-generated mail (" + string.Join("; ", automation.Signals) + ")";
        }

        var local = sender.Split('@')[0].ToLowerInvariant();
        if (NoReplyLocalParts.Any(p => local == p || local.StartsWith(p + "+", StringComparison.Ordinal)))
        {
            return $"no-reply sender {sender}";
        }

        if (!MessageWriter.IsWritableAddress(sender))
        {
            return $"{sender} cannot be written as a recipient (a non-ASCII local part or an invalid domain)";
        }

        if (options.IsOwnAddress(sender))
        {
            return $"our own address {sender}";
        }

        if (suppressedByRouting)
        {
            return "a routing rule suppresses it";
        }

        if (await session.IsSuppressedAsync(sender))
        {
            return $"{sender} bounced permanently before";
        }

        var recent = await session.CountOutboxSinceAsync(sender, now - TimeSpan.FromHours(1));
        if (recent >= options.MaxAcknowledgementsPerSenderPerHour)
        {
            return $"{recent} acknowledgements to {sender} in the last hour (limit {options.MaxAcknowledgementsPerSenderPerHour})";
        }

        return null;
    }
}
