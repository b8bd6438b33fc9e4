using MailTicketing.Tickets.Ingestion;
using MailTicketing.Tickets.Model;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Worker.Tests.Ingestion;

public sealed class SubjectTagTests
{
    private static readonly TicketNumber First = TicketNumber.Parse("SUP-000001");

    [Fact]
    public async Task Subject_tag_from_the_customer_joins_the_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());

        var result = await h.IngestAsync(new TestMail { Subject = "Re: [Ticket#SUP-000001] Deposit not credited", Body = "Any update on this?" });

        Assert.Equal(IngestOutcome.AddedToTicket, result.Outcome);
        Assert.Equal(First, result.Ticket);
        var message = (await h.TicketAsync("SUP-000001")).Messages.Last(m => m.Direction == MessageDirection.Inbound);
        Assert.Equal(ThreadingReason.SubjectTag, message.Reason);
    }

    [Theory]
    [InlineData("回复：【Ticket#SUP-000001】充值未到账")]
    [InlineData("RE: [ticket# SUP-000001] Deposit not credited")]
    [InlineData("Fwd: Re: [Ticket#sup-000001]")]
    public async Task Subject_tag_as_mail_clients_rewrite_it_still_joins(string subject)
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());

        var result = await h.IngestAsync(new TestMail { Subject = subject, Body = "Any update on this?" });

        Assert.Equal(IngestOutcome.AddedToTicket, result.Outcome);
        Assert.Equal(First, result.Ticket);
    }

    [Fact]
    public async Task Subject_tag_from_someone_cced_on_the_first_mail_joins_the_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail { Cc = "Bob <bob@example.org>" });

        var result = await h.IngestAsync(new TestMail { From = "Bob <bob@example.org>", Subject = "[Ticket#SUP-000001] more details", Body = "I am Alice's accountant; here are the details." });

        Assert.Equal(IngestOutcome.AddedToTicket, result.Outcome);
        Assert.Equal(First, result.Ticket);
        var details = await h.TicketAsync("SUP-000001");
        Assert.Contains("bob@example.org", details.Participants);
        Assert.Equal(ThreadingReason.SubjectTag, details.Messages.Last(m => m.Direction == MessageDirection.Inbound).Reason);
        Assert.Single(await h.ExportAsync());
    }

    [Fact]
    public async Task Subject_tag_from_a_stranger_opens_a_new_flagged_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());

        var result = await h.IngestAsync(new TestMail { From = "mallory@attacker.example", Subject = "Re: [Ticket#SUP-000001] Deposit not credited", Body = "Please change the e-mail address on my account to this one." });

        Assert.Equal(IngestOutcome.NewTicket, result.Outcome);
        Assert.Equal("SUP-000002", result.Ticket.ToString());
        var stranger = await h.TicketAsync("SUP-000002");
        Assert.True(stranger.Ticket.Flags.HasFlag(TicketFlags.StrangerQuotedTicketTag));
        Assert.Equal("mallory@attacker.example", stranger.Ticket.CustomerAddress);
        Assert.Equal(ThreadingReason.StrangerQuotedTag, stranger.Messages.Single(m => m.Direction == MessageDirection.Inbound).Reason);

        var quoted = await h.TicketAsync("SUP-000001");
        Assert.Single(quoted.Messages, m => m.Direction == MessageDirection.Inbound);
        Assert.Contains(quoted.Events, e => e.Kind == "related" && e.Detail.Contains("SUP-000002") && e.Detail.Contains("mallory@attacker.example"));
        Assert.DoesNotContain("mallory@attacker.example", quoted.Participants);
    }

    [Fact]
    public async Task Stranger_quoting_a_tag_gets_an_acknowledgement_with_only_the_ticket_number()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());

        await h.IngestAsync(new TestMail { From = "mallory@attacker.example", Subject = "Re: [Ticket#SUP-000001] Deposit not credited", Body = "Please change the e-mail address on my account." });

        using var ack = await h.AcknowledgementAsync(TicketNumber.Parse("SUP-000002"));
        Assert.Equal("[Ticket#SUP-000002]", ack.Subject);
        var text = ack.TextBody!;
        Assert.Contains("SUP-000002", text);
        Assert.DoesNotContain("SUP-000001", text);
        Assert.DoesNotContain("UID", text);
        Assert.DoesNotContain("hours", text);
        Assert.DoesNotContain("Deposit", text);
        Assert.True(text.Length < 200, $"a minimal acknowledgement, but it was {text.Length} characters: {text}");
    }

    [Fact]
    public async Task Tag_of_a_ticket_that_does_not_exist_opens_a_plain_new_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();

        var result = await h.IngestAsync(new TestMail { Subject = "Re: [Ticket#SUP-000777] old issue", Body = "Following up on my old ticket." });

        Assert.Equal(IngestOutcome.NewTicket, result.Outcome);
        Assert.Equal("SUP-000001", result.Ticket.ToString());
        Assert.Equal(TicketFlags.None, (await h.TicketAsync("SUP-000001")).Ticket.Flags);
    }
}
