using MailTicketing.Tickets.Model;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Worker.Tests.Ingestion;

public sealed class AuthenticationResultTests
{
    private const string DmarcFail =
        "Authentication-Results: mx.exchange.example; spf=pass smtp.mailfrom=example.com; dkim=fail header.d=example.com; dmarc=fail (p=reject) header.from=example.com";

    private const string AllPass =
        "Authentication-Results: mx.exchange.example; spf=pass smtp.mailfrom=example.com; dkim=pass header.d=example.com; dmarc=pass header.from=example.com";

    private static TestMail Report(string header) => new()
    {
        To = "security@exchange.example",
        Headers = [header],
        Subject = "Urgent: freeze my account",
        Body = "My UID is 50117733. Someone logged in from another country, please freeze withdrawals now.",
    };

    [Fact]
    public async Task Dmarc_failure_on_security_flags_the_ticket_and_the_acknowledgement_says_only_the_number()
    {
        await using var h = await TicketingHarness.StartAsync();

        var number = await h.NewTicketAsync(Report(DmarcFail), "security");

        Assert.Equal("SEC-000001", number.ToString());
        var details = await h.TicketAsync("SEC-000001");
        Assert.True(details.Ticket.Flags.HasFlag(TicketFlags.AuthenticationFailed));
        Assert.Contains(details.Events, e => e.Kind == "authentication-failed");
        using var ack = await h.AcknowledgementAsync(number);
        Assert.Equal("[Ticket#SEC-000001]", ack.Subject);
        var text = ack.TextBody!;
        Assert.Contains("SEC-000001", text);
        Assert.DoesNotContain("freeze", text);
        Assert.DoesNotContain("UID", text);
        Assert.DoesNotContain("hours", text);
        Assert.True(text.Length < 200, $"a minimal acknowledgement, but it was {text.Length} characters: {text}");
    }

    [Fact]
    public async Task Dmarc_failure_on_support_flags_the_ticket_but_the_acknowledgement_is_normal()
    {
        await using var h = await TicketingHarness.StartAsync();

        var number = await h.NewTicketAsync(Report(DmarcFail) with { To = "support@exchange.example" });

        var details = await h.TicketAsync("SUP-000001");
        Assert.True(details.Ticket.Flags.HasFlag(TicketFlags.AuthenticationFailed));
        using var ack = await h.AcknowledgementAsync(number);
        Assert.Contains("freeze my account", ack.Subject);
        Assert.Contains("opened ticket SUP-000001", ack.TextBody);
        Assert.Contains("never ask for your password", ack.TextBody);
    }

    [Fact]
    public async Task Passing_checks_on_security_leave_the_ticket_unflagged_with_a_normal_acknowledgement()
    {
        await using var h = await TicketingHarness.StartAsync();

        var number = await h.NewTicketAsync(Report(AllPass), "security");

        Assert.False((await h.TicketAsync("SEC-000001")).Ticket.Flags.HasFlag(TicketFlags.AuthenticationFailed));
        using var ack = await h.AcknowledgementAsync(number);
        Assert.Contains("opened ticket SEC-000001", ack.TextBody);
        Assert.Contains("within 4 hours", ack.TextBody);
    }

    [Fact]
    public async Task Spf_failure_alone_flags_the_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();

        await h.NewTicketAsync(Report("Authentication-Results: mx.exchange.example; spf=fail smtp.mailfrom=example.com"), "security");

        Assert.True((await h.TicketAsync("SEC-000001")).Ticket.Flags.HasFlag(TicketFlags.AuthenticationFailed));
    }
}
