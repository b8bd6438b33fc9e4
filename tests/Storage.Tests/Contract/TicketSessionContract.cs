using MailTicketing.Storage.Tests.Support;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Storage.Tests.Contract;

/// <summary>Tickets, numbers, identifiers and participants through the session.</summary>
public abstract class TicketSessionContract<TProvider> : StoreContract<TProvider>
    where TProvider : IStoreProvider, new()
{
    [Fact]
    public async Task Ticket_numbers_count_up_per_prefix_without_gaps()
    {
        var numbers = await InSessionAsync(async session => new[]
        {
            await session.AllocateTicketNumberAsync("SUP"),
            await session.AllocateTicketNumberAsync("SUP"),
            await session.AllocateTicketNumberAsync("SEC"),
            await session.AllocateTicketNumberAsync("sup"),
        });

        Assert.Equal(
            [new TicketNumber("SUP", 1), new TicketNumber("SUP", 2), new TicketNumber("SEC", 1), new TicketNumber("SUP", 3)],
            numbers);
    }

    [Fact]
    public async Task A_number_allocated_in_a_rolled_back_session_is_handed_out_again()
    {
        await using (var abandoned = await Store.BeginAsync(Ct))
        {
            Assert.Equal(new TicketNumber("SUP", 1), await abandoned.AllocateTicketNumberAsync("SUP"));
        }

        var (_, number) = await CreateTicketAsync();

        Assert.Equal(new TicketNumber("SUP", 1), number);
    }

    [Fact]
    public async Task A_prefix_that_is_not_letters_and_digits_is_refused()
    {
        await using var session = await Store.BeginAsync(Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => session.AllocateTicketNumberAsync("SU-P"));
    }

    [Fact]
    public async Task An_inserted_ticket_reads_back_field_for_field()
    {
        var created = Samples.T0.AddMinutes(3);
        var (linkedId, _) = await CreateTicketAsync();
        var ticket = Samples.Ticket(
            new TicketNumber("SEC", 7), "Carol@Example.org", created, "security",
            TicketFlags.SecretsRedacted | TicketFlags.AuthenticationFailed, linkedId, "密码泄露 password leaked");

        var id = await InSessionAsync(session => session.InsertTicketAsync(ticket));
        var (byNumber, byId) = await InSessionAsync(async session =>
            (await session.FindTicketAsync(new TicketNumber("SEC", 7)), await session.FindTicketByIdAsync(id)));

        var expected = new TicketRecord(
            id, ticket.Number, "security", "withdrawals", "crypto", TicketPriority.High, TicketStatus.Submitted,
            "Carol@Example.org", "密码泄露 password leaked", "en", TicketFlags.SecretsRedacted | TicketFlags.AuthenticationFailed,
            created, created, linkedId);
        Assert.Equal(expected, byNumber);
        Assert.Equal(expected, byId);
        Assert.Equal(TimeSpan.Zero, byId!.CreatedAt.Offset);
    }

    [Fact]
    public async Task Finding_a_ticket_that_does_not_exist_gives_null()
    {
        var (byNumber, byId) = await InSessionAsync(async session =>
            (await session.FindTicketAsync(new TicketNumber("SUP", 99)), await session.FindTicketByIdAsync(99)));

        Assert.Null(byNumber);
        Assert.Null(byId);
    }

    [Fact]
    public async Task Updating_a_ticket_changes_status_flags_and_time()
    {
        var (id, number) = await CreateTicketAsync();
        var later = Samples.T0.AddHours(2);

        await InSessionAsync(async session =>
        {
            await session.UpdateTicketAsync(id, TicketStatus.WaitingOnCustomer, TicketFlags.CustomerAddressBounced, later);
            return 0;
        });
        var ticket = await InSessionAsync(session => session.FindTicketAsync(number));

        Assert.Equal(TicketStatus.WaitingOnCustomer, ticket!.Status);
        Assert.Equal(TicketFlags.CustomerAddressBounced, ticket.Flags);
        Assert.Equal(later, ticket.UpdatedAt);
        Assert.Equal(Samples.T0, ticket.CreatedAt);
    }

    [Fact]
    public async Task Updating_a_ticket_that_does_not_exist_throws()
    {
        await using var session = await Store.BeginAsync(Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => session.UpdateTicketAsync(12345, TicketStatus.Closed, TicketFlags.None, Samples.T0));
    }

    [Fact]
    public async Task Open_tickets_with_an_identifier_are_found_for_that_customer_only_newest_first()
    {
        var (older, _) = await CreateTicketAsync(at: Samples.T0);
        var (newer, _) = await CreateTicketAsync(at: Samples.T0.AddHours(1));
        var (closed, _) = await CreateTicketAsync(at: Samples.T0.AddHours(2));
        var (stale, _) = await CreateTicketAsync(at: Samples.T0.AddDays(-30));
        var (otherCustomer, _) = await CreateTicketAsync(customer: Samples.Bob);
        var txid = new Identifier(IdentifierKind.TransactionId, "0x" + new string('a', 64), "evm");
        await InSessionAsync(async session =>
        {
            foreach (var id in new[] { older, newer, closed, stale, otherCustomer })
            {
                await session.AddIdentifiersAsync(id, [txid, new Identifier(IdentifierKind.AccountUid, "88001")]);
            }

            await session.UpdateTicketAsync(closed, TicketStatus.Closed, TicketFlags.None, Samples.T0.AddHours(2));
            return 0;
        });

        var found = await InSessionAsync(session => session.FindOpenTicketsWithIdentifierAsync(
            "ALICE@example.com", IdentifierKind.TransactionId, txid.Value, Samples.T0.AddDays(-7)));

        Assert.Equal([newer, older], found.Select(ticket => ticket.Id));
    }

    [Fact]
    public async Task The_same_identifier_twice_on_a_ticket_is_kept_once()
    {
        var (id, number) = await CreateTicketAsync();
        var uid = new Identifier(IdentifierKind.AccountUid, "88001");

        await InSessionAsync(async session =>
        {
            await session.AddIdentifiersAsync(id, [uid, uid]);
            await session.AddIdentifiersAsync(id, [uid, new Identifier(IdentifierKind.OrderId, "O-1")]);
            await session.AddIdentifiersAsync(id, []);
            return 0;
        });
        var details = await Store.GetTicketAsync(number, Ct);

        Assert.Equal([uid, new Identifier(IdentifierKind.OrderId, "O-1")], details!.Identifiers);
    }

    [Fact]
    public async Task Participants_are_known_per_ticket_whatever_the_case_of_the_address()
    {
        var (id, _) = await CreateTicketAsync();
        var (other, _) = await CreateTicketAsync();

        var answers = await InSessionAsync(async session =>
        {
            await session.AddParticipantAsync(id, "Dave@Example.com");
            await session.AddParticipantAsync(id, "dave@example.com");
            return new[]
            {
                await session.IsParticipantAsync(id, "DAVE@EXAMPLE.COM"),
                await session.IsParticipantAsync(id, Samples.Alice),
                await session.IsParticipantAsync(other, "dave@example.com"),
                await session.IsParticipantAsync(id, "eve@example.com"),
            };
        });

        Assert.Equal([true, true, false, false], answers);
    }

    [Fact]
    public async Task A_ticket_can_be_visible_in_several_mailboxes()
    {
        var (id, number) = await CreateTicketAsync(mailbox: "support");

        await InSessionAsync(async session =>
        {
            await session.AddTicketMailboxAsync(id, "security");
            await session.AddTicketMailboxAsync(id, "security");
            await session.AddTicketMailboxAsync(id, "support");
            return 0;
        });
        var details = await Store.GetTicketAsync(number, Ct);
        var inSecurity = await Store.ListTicketsAsync(new TicketQuery(Mailbox: "security"), Ct);

        Assert.Equal(["support", "security"], details!.Mailboxes);
        Assert.Equal([id], inSecurity.Select(ticket => ticket.Id));
    }

    [Fact]
    public async Task Source_items_deliveries_and_suppressions_are_recorded_once_and_twice_is_a_no_op()
    {
        var (id, _) = await CreateTicketAsync();
        var sha = new string('c', 64);

        var before = await InSessionAsync(async session => (
            await session.IsSourceItemDoneAsync("maildir:/m", "cur/1"),
            await session.HasDeliveryAsync("support", sha),
            await session.IsSuppressedAsync("bounced@example.com")));
        await InSessionAsync(async session =>
        {
            for (var i = 0; i < 2; i++)
            {
                await session.RecordSourceItemAsync("maildir:/m", "cur/1", $"ticket SUP-00000{i}", Samples.T0);
                await session.RecordDeliveryAsync("support", sha, id, null, Samples.T0);
                await session.SuppressAddressAsync("Bounced@Example.com", "5.1.1 user unknown", id, Samples.T0);
            }

            return 0;
        });
        var after = await InSessionAsync(async session => (
            await session.IsSourceItemDoneAsync("maildir:/m", "cur/1"),
            await session.IsSourceItemDoneAsync("maildir:/m", "cur/2"),
            await session.IsSourceItemDoneAsync("maildir:/other", "cur/1"),
            await session.HasDeliveryAsync("support", sha.ToUpperInvariant()),
            await session.HasDeliveryAsync("security", sha),
            await session.IsSuppressedAsync("bounced@example.com")));

        Assert.Equal((false, false, false), before);
        Assert.Equal((true, false, false, true, false, true), after);
    }
}
