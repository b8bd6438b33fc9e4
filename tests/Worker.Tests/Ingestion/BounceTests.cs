using MailTicketing.Tickets.Ingestion;
using MailTicketing.Tickets.Model;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Worker.Tests.Ingestion;

public sealed class BounceTests
{
    private static readonly TicketNumber First = TicketNumber.Parse("SUP-000001");

    /// <summary>An RFC 3464 report as Postfix writes it, returning only the headers of the failed mail.</summary>
    private static byte[] HeadersBounce(DateTimeOffset date, string ourMessageId, string recipient, string action, string status) => Eml.Bytes($"""
        Return-Path: <>
        From: Mail Delivery System <MAILER-DAEMON@mx.example.com>
        To: support@exchange.example
        Subject: Undelivered Mail Returned to Sender
        Date: {Eml.Date(date)}
        Message-ID: <{Guid.NewGuid():N}@mx.example.com>
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="REPORT"

        --REPORT
        Content-Type: text/plain; charset=us-ascii

        This is the mail system at host mx.example.com.
        I'm sorry to have to inform you that your message could not be delivered.

        --REPORT
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.com
        Arrival-Date: {Eml.Date(date)}

        Final-Recipient: rfc822; {recipient}
        Original-Recipient: rfc822;{recipient}
        Action: {action}
        Status: {status}
        Diagnostic-Code: smtp; {(status.StartsWith('5') ? "550" : "451")} {status} <{recipient}>: mailbox problem

        --REPORT
        Content-Type: text/rfc822-headers

        From: Example Exchange Support <support@exchange.example>
        To: {recipient}
        Subject: Re: [Ticket#SUP-000001] Deposit not credited
        Message-ID: <{ourMessageId}>
        Auto-Submitted: auto-replied

        --REPORT--
        """);

    /// <summary>A report that returns the whole failed mail as message/rfc822.</summary>
    private static byte[] FullMessageBounce(DateTimeOffset date, string ourMessageId, string recipient) => Eml.Bytes($"""
        Return-Path: <>
        From: postmaster@mx.example.com
        To: support@exchange.example
        Subject: Delivery Status Notification (Failure)
        Date: {Eml.Date(date)}
        Message-ID: <{Guid.NewGuid():N}@mx.example.com>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="R2"

        --R2
        Content-Type: text/plain

        Delivery to the following recipient failed permanently: {recipient}

        --R2
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.com

        Final-Recipient: rfc822; {recipient}
        Action: failed
        Status: 5.2.1

        --R2
        Content-Type: message/rfc822

        From: Example Exchange Support <support@exchange.example>
        To: {recipient}
        Subject: Re: [Ticket#SUP-000001] Deposit not credited
        Message-ID: <{ourMessageId}>
        Content-Type: text/plain

        Hello, we have received your message.

        --R2--
        """);

    private static async Task<string> TicketWithAcknowledgementAsync(TicketingHarness h)
    {
        await h.NewTicketAsync(new TestMail());
        using var ack = await h.AcknowledgementAsync(First);
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        return ack.MessageId!;
    }

    [Fact]
    public async Task Bounce_with_our_message_id_in_the_returned_headers_is_attached_to_its_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        var ours = await TicketWithAcknowledgementAsync(h);

        var result = await h.IngestAsync(HeadersBounce(h.Clock.GetUtcNow(), ours, "alice@example.com", "failed", "5.1.1"));

        Assert.Equal(IngestOutcome.AboutOurMessage, result.Outcome);
        Assert.Equal(First, result.Ticket);
        var details = await h.TicketAsync("SUP-000001");
        var bounce = Assert.Single(details.Messages, m => m.Kind == MessageKind.Bounce);
        Assert.Equal(MessageDirection.Inbound, bounce.Direction);
        Assert.Equal(ThreadingReason.AboutOurMessage, bounce.Reason);
        Assert.Contains("5.1.1", bounce.ReasonDetail);
        Assert.Contains(details.Events, e => e.Kind == "bounce");
        Assert.Single(await h.ExportAsync());
        Assert.Single(await h.PendingOutboxAsync());
    }

    [Fact]
    public async Task Bounce_returning_the_whole_message_is_attached_to_its_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        var ours = await TicketWithAcknowledgementAsync(h);

        var result = await h.IngestAsync(FullMessageBounce(h.Clock.GetUtcNow(), ours, "alice@example.com"));

        Assert.Equal(IngestOutcome.AboutOurMessage, result.Outcome);
        Assert.Equal(First, result.Ticket);
        Assert.Single((await h.TicketAsync("SUP-000001")).Messages, m => m.Kind == MessageKind.Bounce);
    }

    [Fact]
    public async Task Permanent_failure_flags_the_ticket_and_stops_acknowledgements_to_the_address()
    {
        await using var h = await TicketingHarness.StartAsync();
        var ours = await TicketWithAcknowledgementAsync(h);

        await h.IngestAsync(HeadersBounce(h.Clock.GetUtcNow(), ours, "alice@example.com", "failed", "5.1.1"));
        h.Clock.Advance(TimeSpan.FromHours(3));
        var next = await h.IngestAsync(new TestMail { Subject = "Another question", Body = "How do I enable 2FA on my account?" });

        var bounced = await h.TicketAsync("SUP-000001");
        Assert.True(bounced.Ticket.Flags.HasFlag(TicketFlags.CustomerAddressBounced));
        Assert.Contains(bounced.Events, e => e.Kind == "address-suppressed");
        Assert.Equal(IngestOutcome.NewTicket, next.Outcome);
        Assert.False(next.AcknowledgementQueued);
        Assert.Contains((await h.TicketAsync(next.Ticket!.Value.ToString())).Events, e => e.Kind == "acknowledgement-skipped" && e.Detail.Contains("bounced"));
    }

    [Fact]
    public async Task Permanent_failure_stops_acknowledgements_to_the_address_in_any_letter_case()
    {
        await using var h = await TicketingHarness.StartAsync();
        var ours = await TicketWithAcknowledgementAsync(h);

        await h.IngestAsync(HeadersBounce(h.Clock.GetUtcNow(), ours, "Alice@Example.com", "failed", "5.1.1"));
        h.Clock.Advance(TimeSpan.FromHours(3));
        var next = await h.IngestAsync(new TestMail { From = "ALICE@example.com", Subject = "Another question", Body = "How do I enable 2FA on my account?" });

        Assert.False(next.AcknowledgementQueued);
    }

    [Fact]
    public async Task Temporary_failure_is_attached_but_does_not_stop_mail_to_the_address()
    {
        await using var h = await TicketingHarness.StartAsync();
        var ours = await TicketWithAcknowledgementAsync(h);

        var result = await h.IngestAsync(HeadersBounce(h.Clock.GetUtcNow(), ours, "alice@example.com", "delayed", "4.4.7"));
        h.Clock.Advance(TimeSpan.FromHours(3));
        var next = await h.IngestAsync(new TestMail { Subject = "Another question", Body = "How do I enable 2FA on my account?" });

        Assert.Equal(IngestOutcome.AboutOurMessage, result.Outcome);
        var details = await h.TicketAsync("SUP-000001");
        Assert.False(details.Ticket.Flags.HasFlag(TicketFlags.CustomerAddressBounced));
        Assert.DoesNotContain(details.Events, e => e.Kind == "address-suppressed");
        Assert.True(next.AcknowledgementQueued);
    }

    [Fact]
    public async Task Bounce_about_mail_we_never_sent_is_quarantined()
    {
        await using var h = await TicketingHarness.StartAsync();
        await TicketWithAcknowledgementAsync(h);
        var raw = HeadersBounce(h.Clock.GetUtcNow(), "spoofed-by-spammer@exchange.example", "alice@example.com", "failed", "5.1.1");

        var result = await h.IngestAsync(raw);

        Assert.Equal(IngestOutcome.Quarantined, result.Outcome);
        var entry = await h.SingleQuarantinedAsync();
        Assert.Equal("unmatched-bounce", entry.Reason);
        Assert.Equal(raw, await h.ReadBlobAsync(entry.RawSha256));
        var details = Assert.Single(await h.ExportAsync());
        Assert.False(details.Ticket.Flags.HasFlag(TicketFlags.CustomerAddressBounced));
        Assert.True((await h.IngestAsync(new TestMail { Subject = "Another", Body = "Another question about staking." })).AcknowledgementQueued);
    }

    [Fact]
    public async Task Bounce_with_a_forged_signed_message_id_is_quarantined()
    {
        await using var h = await TicketingHarness.StartAsync();
        await TicketWithAcknowledgementAsync(h);
        var forged = "t.SUP-000001.0011223344556677.00000000000000000000@exchange.example";

        var result = await h.IngestAsync(HeadersBounce(h.Clock.GetUtcNow(), forged, "alice@example.com", "failed", "5.1.1"));

        Assert.Equal(IngestOutcome.Quarantined, result.Outcome);
        Assert.False((await h.TicketAsync("SUP-000001")).Ticket.Flags.HasFlag(TicketFlags.CustomerAddressBounced));
    }

    [Fact]
    public async Task Bounce_gets_no_acknowledgement()
    {
        await using var h = await TicketingHarness.StartAsync();
        var ours = await TicketWithAcknowledgementAsync(h);

        var result = await h.IngestAsync(HeadersBounce(h.Clock.GetUtcNow(), ours, "alice@example.com", "failed", "5.1.1"));

        Assert.False(result.AcknowledgementQueued);
        Assert.Single(await h.PendingOutboxAsync());
    }

    [Fact]
    public async Task Bounce_without_a_status_report_but_with_our_message_attached_is_attached_to_its_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        var ours = await TicketWithAcknowledgementAsync(h);
        var raw = Eml.Bytes($"""
            Return-Path: <>
            From: postmaster@mx.example.com
            To: support@exchange.example
            Subject: Undeliverable: Re: [Ticket#SUP-000001] Deposit not credited
            Date: {Eml.Date(h.Clock.GetUtcNow())}
            Message-ID: <ndr1@mx.example.com>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="NDR"

            --NDR
            Content-Type: text/plain

            Your message to alice@example.com couldn't be delivered.

            --NDR
            Content-Type: message/rfc822

            From: Example Exchange Support <support@exchange.example>
            To: alice@example.com
            Subject: Re: [Ticket#SUP-000001] Deposit not credited
            Message-ID: <{ours}>
            Content-Type: text/plain

            Hello, we have received your message.

            --NDR--
            """);

        var result = await h.IngestAsync(raw);

        Assert.Equal(IngestOutcome.AboutOurMessage, result.Outcome);
        Assert.Equal(First, result.Ticket);
    }
}
