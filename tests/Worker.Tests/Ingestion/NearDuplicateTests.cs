using MailTicketing.Tickets.Ingestion;
using MailTicketing.Tickets.Model;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Worker.Tests.Ingestion;

public sealed class NearDuplicateTests
{
    private const string Complaint = """
        Hello support team,

        I tried to withdraw my funds to my bank account three days ago and the money
        has still not arrived. The app says the withdrawal is complete but my bank
        says nothing came in. Please look into this as soon as possible.

        Best regards,
        Alice
        """;

    [Fact]
    public async Task Same_text_sent_again_by_the_same_customer_joins_the_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail { Subject = "Withdrawal missing", Body = Complaint });
        h.Clock.Advance(TimeSpan.FromHours(20));

        var result = await h.IngestAsync(new TestMail { Subject = "Fwd: Withdrawal missing!!!", Body = Complaint.Replace("as soon as possible.", "as soon as possible!!") });

        Assert.Equal(IngestOutcome.AddedToTicket, result.Outcome);
        var message = (await h.TicketAsync("SUP-000001")).Messages.Last(m => m.Direction == MessageDirection.Inbound);
        Assert.Equal(ThreadingReason.NearDuplicate, message.Reason);
    }

    [Fact]
    public async Task Same_text_pasted_again_with_other_line_breaks_and_spacing_joins_the_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail { Subject = "Withdrawal missing", Body = Complaint });
        h.Clock.Advance(TimeSpan.FromHours(20));

        var pasted = Complaint.ReplaceLineEndings(" ").Replace("  ", " ").Replace("Hello support team,", "HELLO SUPPORT TEAM -");
        var result = await h.IngestAsync(new TestMail { Subject = "Withdrawal", Body = pasted });

        Assert.Equal(IngestOutcome.AddedToTicket, result.Outcome);
        Assert.Equal(ThreadingReason.NearDuplicate, (await h.TicketAsync("SUP-000001")).Messages.Last(m => m.Direction == MessageDirection.Inbound).Reason);
    }

    [Fact]
    public async Task Same_text_after_the_window_opens_a_new_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail { Subject = "Withdrawal missing", Body = Complaint });
        h.Clock.Advance(TimeSpan.FromDays(4));

        var result = await h.IngestAsync(new TestMail { Subject = "Withdrawal missing", Body = Complaint });

        Assert.Equal(IngestOutcome.NewTicket, result.Outcome);
    }

    [Fact]
    public async Task Same_text_from_another_customer_opens_a_new_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail { Subject = "Withdrawal missing", Body = Complaint });

        var result = await h.IngestAsync(new TestMail { From = "bob@example.org", Subject = "Withdrawal missing", Body = Complaint });

        Assert.Equal(IngestOutcome.NewTicket, result.Outcome);
    }

    [Fact]
    public async Task Short_thanks_from_the_same_customer_does_not_count_as_a_near_duplicate()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail { Subject = "Thanks", Body = "Thanks!" });
        h.Clock.Advance(TimeSpan.FromHours(1));

        var result = await h.IngestAsync(new TestMail { Subject = "Thank you", Body = "Thanks!!" });

        Assert.Equal(IngestOutcome.NewTicket, result.Outcome);
        Assert.Equal("SUP-000002", result.Ticket.ToString());
    }

    [Fact]
    public async Task Different_text_from_the_same_customer_opens_a_new_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail { Subject = "Withdrawal missing", Body = Complaint });

        var result = await h.IngestAsync(new TestMail
        {
            Subject = "API keys",
            Body = "Hello, how do I create an API key with read-only permissions for my tax software? I cannot find the option in the settings page.",
        });

        Assert.Equal(IngestOutcome.NewTicket, result.Outcome);
    }
}
