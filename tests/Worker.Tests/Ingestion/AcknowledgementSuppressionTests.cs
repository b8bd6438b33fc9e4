using MailTicketing.Tickets.Ingestion;
using MailTicketing.Tickets.Model;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Worker.Tests.Ingestion;

public sealed class AcknowledgementSuppressionTests
{
    public static TheoryData<string, string> MachineMail => new()
    {
        { "Auto-Submitted: auto-replied", "Alice <alice@example.com>" },
        { "Auto-Submitted: auto-generated", "Alice <alice@example.com>" },
        { "Precedence: bulk", "Alice <alice@example.com>" },
        { "Precedence: junk", "Alice <alice@example.com>" },
        { "List-Id: Crypto news <news.lists.example.com>", "Alice <alice@example.com>" },
        { "Return-Path: <>", "Alice <alice@example.com>" },
        { "X-Auto-Response-Suppress: All", "Alice <alice@example.com>" },
        { "X-Mailer: Thunderbird", "Example Shop <noreply@shop.example>" },
        { "X-Mailer: Thunderbird", "<No-Reply@shop.example>" },
        { "X-Mailer: Thunderbird", "Support <support@exchange.example>" },
        { "X-Mailer: Thunderbird", "Security <Security@Exchange.Example>" },
    };

    [Theory]
    [MemberData(nameof(MachineMail))]
    public async Task Machine_or_own_mail_opens_a_ticket_but_gets_no_acknowledgement(string header, string from)
    {
        await using var h = await TicketingHarness.StartAsync();

        var result = await h.IngestAsync(new TestMail { From = from, Headers = [header], Subject = "Weekly newsletter", Body = "News about our products." });

        Assert.Equal(IngestOutcome.NewTicket, result.Outcome);
        Assert.False(result.AcknowledgementQueued);
        Assert.Empty(await h.PendingOutboxAsync());
        var details = await h.TicketAsync("SUP-000001");
        Assert.DoesNotContain(details.Messages, m => m.Direction == MessageDirection.Outbound);
        Assert.Contains(details.Events, e => e.Kind == "acknowledgement-skipped");
    }

    [Fact]
    public async Task Auto_submitted_no_is_a_person_and_is_acknowledged()
    {
        await using var h = await TicketingHarness.StartAsync();

        var result = await h.IngestAsync(new TestMail { Headers = ["Auto-Submitted: no"] });

        Assert.True(result.AcknowledgementQueued);
        Assert.Single(await h.PendingOutboxAsync());
    }

    [Fact]
    public async Task Address_merely_containing_noreply_is_acknowledged()
    {
        await using var h = await TicketingHarness.StartAsync();

        var result = await h.IngestAsync(new TestMail { From = "noreplyfan@example.com" });

        Assert.True(result.AcknowledgementQueued);
    }

    [Fact]
    public async Task At_most_the_hourly_cap_of_acknowledgements_go_to_one_sender()
    {
        await using var h = await TicketingHarness.StartAsync(o => o.MaxAcknowledgementsPerSenderPerHour = 2);

        var first = await h.IngestAsync(new TestMail { Subject = "Fees", Body = "What are the fees?" });
        h.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = await h.IngestAsync(new TestMail { Subject = "Limits", Body = "What are the limits?" });
        h.Clock.Advance(TimeSpan.FromMinutes(10));
        var third = await h.IngestAsync(new TestMail { Subject = "Hours", Body = "When are you open?" });
        var other = await h.IngestAsync(new TestMail { From = "bob@example.org", Subject = "Fees", Body = "What are the fees?" });

        Assert.All([first, second, third], r => Assert.Equal(IngestOutcome.NewTicket, r.Outcome));
        Assert.True(first.AcknowledgementQueued);
        Assert.True(second.AcknowledgementQueued);
        Assert.False(third.AcknowledgementQueued);
        Assert.True(other.AcknowledgementQueued);
        var skipped = await h.TicketAsync(third.Ticket!.Value.ToString());
        Assert.Contains(skipped.Events, e => e.Kind == "acknowledgement-skipped" && e.Detail.Contains("last hour"));
        Assert.Equal(3, (await h.PendingOutboxAsync()).Count);
    }

    [Fact]
    public async Task Default_cap_is_three_acknowledgements_per_sender_per_hour()
    {
        await using var h = await TicketingHarness.StartAsync();
        string[] questions = ["Fees?", "Limits?", "Opening hours?", "Supported coins?"];

        var results = new List<IngestResult>();
        foreach (var question in questions)
        {
            results.Add(await h.IngestAsync(new TestMail { Subject = question, Body = question }));
            h.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal([true, true, true, false], results.Select(r => r.AcknowledgementQueued));
    }

    [Fact]
    public async Task Acknowledgements_resume_once_the_hour_has_passed()
    {
        await using var h = await TicketingHarness.StartAsync(o => o.MaxAcknowledgementsPerSenderPerHour = 1);

        var first = await h.IngestAsync(new TestMail { Subject = "Fees", Body = "What are the fees?" });
        h.Clock.Advance(TimeSpan.FromMinutes(59));
        var withinHour = await h.IngestAsync(new TestMail { Subject = "Limits", Body = "What are the limits?" });
        h.Clock.Advance(TimeSpan.FromMinutes(2));
        var afterHour = await h.IngestAsync(new TestMail { Subject = "Hours", Body = "When are you open?" });

        Assert.True(first.AcknowledgementQueued);
        Assert.False(withinHour.AcknowledgementQueued);
        Assert.True(afterHour.AcknowledgementQueued);
    }

    [Fact]
    public async Task Hourly_cap_counts_acknowledgements_by_when_they_are_queued_so_an_imported_backlog_cannot_flood_a_customer()
    {
        await using var h = await TicketingHarness.StartAsync(o => o.MaxAcknowledgementsPerSenderPerHour = 1);
        var day = TicketingHarness.Start.AddDays(-10);

        // Messages days apart, imported in the same minute: one acknowledgement, not one per message.
        var first = await h.IngestAsync(new TestMail { Subject = "Fees", Body = "What are the fees?", Date = day });
        var second = await h.IngestAsync(new TestMail { Subject = "Limits", Body = "What are the limits?", Date = day.AddDays(2) });
        h.Clock.Advance(TimeSpan.FromMinutes(61));
        var third = await h.IngestAsync(new TestMail { Subject = "Staking", Body = "Is staking available?", Date = day.AddDays(4) });

        Assert.True(first.AcknowledgementQueued);
        Assert.False(second.AcknowledgementQueued);
        Assert.True(third.AcknowledgementQueued);
        var skipped = (await h.TicketAsync(second.Ticket!.Value.ToString())).Events.Single(e => e.Kind == "acknowledgement-skipped");
        Assert.Contains("in the last hour", skipped.Detail);
    }
}
