using MailTicketing.Storage.Tests.Support;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Storage.Tests.Contract;

/// <summary>Reading tickets back: show, list, export, and the status changes staff make.</summary>
public abstract class ReadContract<TProvider> : StoreContract<TProvider>
    where TProvider : IStoreProvider, new()
{
    [Fact]
    public async Task Export_yields_every_ticket_in_number_order_with_its_messages_identifiers_and_links()
    {
        var (sup1, _) = await CreateTicketAsync("SUP");
        var (sec1, _) = await CreateTicketAsync("SEC", Samples.Bob);
        var (sup2, _) = await InSessionAsync(async session =>
        {
            var number = await session.AllocateTicketNumberAsync("SUP");
            var id = await session.InsertTicketAsync(Samples.Ticket(number, linkedTicketId: sup1));
            return (id, number);
        });
        await InSessionAsync(async session =>
        {
            await session.AddIdentifiersAsync(sup2, [new Identifier(IdentifierKind.TransactionId, "0xabc", "evm")]);
            await session.InsertMessageAsync(Samples.Message(sup2, "<late@x>", at: Samples.T0.AddMinutes(9)));
            await session.InsertMessageAsync(Samples.Message(sup2, "<early@x>", at: Samples.T0.AddMinutes(1)));
            await session.InsertMessageAsync(Samples.Message(sec1, "<bob@x>", from: Samples.Bob));
            await session.AddEventAsync(sup2, Samples.T0, "created", "from <early@x>");
            return 0;
        });

        var exported = new List<TicketDetails>();
        await foreach (var details in Store.ExportAsync(Ct))
        {
            exported.Add(details);
        }

        Assert.Equal(["SEC-000001", "SUP-000001", "SUP-000002"], exported.Select(details => details.Ticket.Number.ToString()));
        var last = exported[2];
        Assert.Equal(sup2, last.Ticket.Id);
        Assert.Equal(new TicketNumber("SUP", 1), last.LinkedTicket);
        Assert.Equal([new Identifier(IdentifierKind.TransactionId, "0xabc", "evm")], last.Identifiers);
        Assert.Equal(["<early@x>", "<late@x>"], last.Messages.Select(message => message.MessageId));
        Assert.Equal([new TicketEvent(Samples.T0, "created", "from <early@x>")], last.Events);
        Assert.Equal(["<bob@x>"], exported[0].Messages.Select(message => message.MessageId));
        Assert.Equal([Samples.Bob], exported[0].Participants);
        Assert.Null(exported[0].LinkedTicket);
    }

    [Fact]
    public async Task Export_walks_past_its_batch_size_without_losing_or_repeating_a_ticket()
    {
        await InSessionAsync(async session =>
        {
            for (var i = 0; i < 450; i++)
            {
                var number = await session.AllocateTicketNumberAsync(i % 3 == 0 ? "SEC" : "SUP");
                var id = await session.InsertTicketAsync(Samples.Ticket(number));
                await session.InsertMessageAsync(Samples.Message(id, $"<{i}@x>"));
            }

            return 0;
        });

        var numbers = new List<TicketNumber>();
        await foreach (var details in Store.ExportAsync(Ct))
        {
            Assert.Single(details.Messages);
            numbers.Add(details.Ticket.Number);
        }

        var expected = Enumerable.Range(1, 150).Select(i => new TicketNumber("SEC", i))
            .Concat(Enumerable.Range(1, 300).Select(i => new TicketNumber("SUP", i)));
        Assert.Equal(expected, numbers);
    }

    [Fact]
    public async Task Export_of_an_empty_database_yields_nothing()
    {
        await foreach (var details in Store.ExportAsync(Ct))
        {
            Assert.Fail($"Unexpected ticket {details.Ticket.Number}.");
        }
    }

    [Fact]
    public async Task Showing_a_ticket_that_does_not_exist_gives_null()
    {
        Assert.Null(await Store.GetTicketAsync(new TicketNumber("SUP", 1), Ct));
    }

    [Fact]
    public async Task Listing_filters_by_mailbox_status_and_customer_newest_first()
    {
        var (a, _) = await CreateTicketAsync(mailbox: "support");
        var (b, _) = await CreateTicketAsync(mailbox: "security", customer: Samples.Bob);
        var (c, numberC) = await CreateTicketAsync(mailbox: "support");
        await Store.SetStatusAsync(numberC, TicketStatus.Resolved, "staff", Samples.T0.AddHours(1), Ct);

        Assert.Equal([c, b, a], (await Store.ListTicketsAsync(new TicketQuery(), Ct)).Select(t => t.Id));
        Assert.Equal([c, a], (await Store.ListTicketsAsync(new TicketQuery(Mailbox: "support"), Ct)).Select(t => t.Id));
        Assert.Equal([c], (await Store.ListTicketsAsync(new TicketQuery(Status: TicketStatus.Resolved), Ct)).Select(t => t.Id));
        Assert.Equal([b], (await Store.ListTicketsAsync(new TicketQuery(Customer: "BOB@example.net"), Ct)).Select(t => t.Id));
        Assert.Equal([c], (await Store.ListTicketsAsync(new TicketQuery(Limit: 1), Ct)).Select(t => t.Id));
    }

    [Fact]
    public async Task Setting_a_status_changes_the_ticket_and_records_who_did_it()
    {
        var (_, number) = await CreateTicketAsync();
        var at = Samples.T0.AddHours(3);

        var changed = await Store.SetStatusAsync(number, TicketStatus.Resolved, "li.wei", at, Ct);
        var details = await Store.GetTicketAsync(number, Ct);

        Assert.True(changed);
        Assert.Equal((TicketStatus.Resolved, at), (details!.Ticket.Status, details.Ticket.UpdatedAt));
        Assert.Equal([new TicketEvent(at, TicketEventKinds.StatusChanged, "Submitted -> Resolved by li.wei")], details.Events);
    }

    [Fact]
    public async Task Setting_the_status_of_a_ticket_that_does_not_exist_reports_false()
    {
        Assert.False(await Store.SetStatusAsync(new TicketNumber("SUP", 5), TicketStatus.Closed, "staff", Samples.T0, Ct));
    }
}
