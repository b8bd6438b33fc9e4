using MailTicketing.Tickets.Ingestion;
using MailTicketing.Tickets.Model;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Worker.Tests.Ingestion;

public sealed class ReplyThreadingTests
{
    private static readonly TicketNumber First = TicketNumber.Parse("SUP-000001");

    [Fact]
    public async Task Reply_to_our_acknowledgement_joins_the_ticket_even_with_a_new_subject()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail { Subject = "Deposit not credited" });
        using var ack = await h.AcknowledgementAsync(First);
        h.Clock.Advance(TimeSpan.FromMinutes(30));

        var reply = await h.IngestAsync(new TestMail
        {
            Subject = "Something else entirely",
            InReplyTo = ack.MessageId,
            References = [ack.MessageId!],
            Body = "Here is the screenshot you asked for.",
        });

        Assert.Equal(IngestOutcome.AddedToTicket, reply.Outcome);
        Assert.Equal(First, reply.Ticket);
        var message = (await h.TicketAsync("SUP-000001")).Messages.Last(m => m.Direction == MessageDirection.Inbound);
        Assert.Equal(ThreadingReason.ReplyReference, message.Reason);
        Assert.Contains(ack.MessageId!, message.ReasonDetail);
        Assert.Single(await h.ExportAsync());
    }

    [Fact]
    public async Task References_to_the_customer_first_message_join_the_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail { MessageId = "first@mail.example.com" });

        var followUp = await h.IngestAsync(new TestMail
        {
            Subject = "Forgot to add",
            References = ["first@mail.example.com"],
            Body = "I forgot to say: it was on the TRC20 network.",
        });

        Assert.Equal(IngestOutcome.AddedToTicket, followUp.Outcome);
        Assert.Equal(First, followUp.Ticket);
        var message = (await h.TicketAsync("SUP-000001")).Messages.Last(m => m.Direction == MessageDirection.Inbound);
        Assert.Equal(ThreadingReason.ReplyReference, message.Reason);
    }

    [Fact]
    public async Task Reply_from_a_colleague_referencing_our_message_joins_and_keeps_the_customer()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());
        using var ack = await h.AcknowledgementAsync(First);

        var reply = await h.IngestAsync(new TestMail { From = "alice.work@corp.example", InReplyTo = ack.MessageId, Subject = "Re: your ticket", Body = "Writing from my work address." });

        Assert.Equal(IngestOutcome.AddedToTicket, reply.Outcome);
        Assert.Equal("alice@example.com", (await h.TicketAsync("SUP-000001")).Ticket.CustomerAddress);
    }

    [Fact]
    public async Task Forged_reference_in_our_format_does_not_join_and_flags_the_new_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());
        using var ack = await h.AcknowledgementAsync(First);
        var parts = ack.MessageId!.Split('@')[0].Split('.');
        var wrongMac = new string(parts[3].Select(c => c == '0' ? '1' : '0').ToArray());
        var forged = $"t.SUP-000001.{parts[2]}.{wrongMac}@exchange.example";

        var result = await h.IngestAsync(new TestMail
        {
            From = "mallory@attacker.example",
            Subject = "Re: your ticket",
            InReplyTo = forged,
            References = [forged],
            Body = "Please send the account details to this address.",
        });

        Assert.Equal(IngestOutcome.NewTicket, result.Outcome);
        Assert.Equal("SUP-000002", result.Ticket.ToString());
        var ticket = await h.TicketAsync("SUP-000002");
        Assert.True(ticket.Ticket.Flags.HasFlag(TicketFlags.ForgedReference));
        Assert.Contains(forged, ticket.Messages.Single(m => m.Direction == MessageDirection.Inbound).ReasonDetail);
        Assert.Single((await h.TicketAsync("SUP-000001")).Messages, m => m.Direction == MessageDirection.Inbound);
    }

    [Fact]
    public async Task Forged_reference_from_the_customer_is_flagged_even_when_the_subject_tag_joins()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());
        var forged = "t.SUP-000001.0011223344556677.00000000000000000000@exchange.example";

        var result = await h.IngestAsync(new TestMail { Subject = "Re: [Ticket#SUP-000001] Deposit not credited", InReplyTo = forged, Body = "Any news?" });

        Assert.Equal(IngestOutcome.AddedToTicket, result.Outcome);
        Assert.True((await h.TicketAsync("SUP-000001")).Ticket.Flags.HasFlag(TicketFlags.ForgedReference));
    }

    [Fact]
    public async Task Reference_to_an_unknown_message_opens_a_new_ticket()
    {
        await using var h = await TicketingHarness.StartAsync();
        await h.NewTicketAsync(new TestMail());

        var result = await h.IngestAsync(new TestMail { From = "bob@example.org", InReplyTo = "unknown@elsewhere.example", Subject = "Re: lunch", Body = "See you at noon." });

        Assert.Equal(IngestOutcome.NewTicket, result.Outcome);
        Assert.False((await h.TicketAsync("SUP-000002")).Ticket.Flags.HasFlag(TicketFlags.ForgedReference));
    }
}
