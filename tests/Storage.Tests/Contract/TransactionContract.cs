using MailTicketing.Storage.Tests.Support;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Storage.Tests.Contract;

/// <summary>Sessions are transactions: all or nothing, and one writer at a time.</summary>
public abstract class TransactionContract<TProvider> : StoreContract<TProvider>
    where TProvider : IStoreProvider, new()
{
    [Fact]
    public async Task A_session_disposed_without_commit_leaves_nothing_behind()
    {
        var (sha, bytes) = Samples.Content("raw message");
        await using (var session = await Store.BeginAsync(Ct))
        {
            var number = await session.AllocateTicketNumberAsync("SUP");
            var id = await session.InsertTicketAsync(Samples.Ticket(number));
            await session.PutBlobAsync(sha, new MemoryStream(bytes), compress: true);
            var message = await session.InsertMessageAsync(Samples.Message(id, "<gone@mail.example>", rawSha256: sha));
            await session.EnqueueOutboxAsync(Samples.Outbox(id, message));
            await session.RecordSourceItemAsync("maildir:/m", "cur/1", "ticket SUP-000001", Samples.T0);
            await session.RecordDeliveryAsync("support", sha, id, message, Samples.T0);
        }

        var (source, delivery, found) = await InSessionAsync(async session => (
            await session.IsSourceItemDoneAsync("maildir:/m", "cur/1"),
            await session.HasDeliveryAsync("support", sha),
            await session.FindMessageByMessageIdAsync("<gone@mail.example>", MessageDirection.Inbound)));
        var blob = await Store.OpenBlobAsync(sha, Ct);

        Assert.False(source);
        Assert.False(delivery);
        Assert.Null(found);
        Assert.Null(blob);
        Assert.Empty(await Store.ListTicketsAsync(new TicketQuery(), Ct));
        Assert.Empty(await Store.GetDueOutboxAsync(Samples.T0.AddDays(1), 10, Ct));
    }

    [Fact]
    public async Task A_committed_session_cannot_be_used_again()
    {
        await using var session = await Store.BeginAsync(Ct);
        await session.CommitAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => session.AllocateTicketNumberAsync("SUP"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.CommitAsync());
    }

    [Fact]
    public async Task A_second_session_waits_for_the_first_and_gets_the_next_number()
    {
        await using var first = await Store.BeginAsync(Ct);
        var firstNumber = await first.AllocateTicketNumberAsync("SUP");
        await first.InsertTicketAsync(Samples.Ticket(firstNumber));

        // A second worker: another handle on the same database.
        var otherStore = Provider.OpenAgain(Database, Clock).CreateTicketStore();
        var second = Task.Run(async () =>
        {
            await using var session = await otherStore.BeginAsync(Ct);
            var number = await session.AllocateTicketNumberAsync("SUP");
            var id = await session.InsertTicketAsync(Samples.Ticket(number));
            await session.CommitAsync();
            return number;
        });

        await Task.Delay(300);
        Assert.False(second.IsCompleted, "The second session must wait while the first holds the write transaction.");

        await first.CommitAsync();
        var secondNumber = await second.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(new TicketNumber("SUP", 1), firstNumber);
        Assert.Equal(new TicketNumber("SUP", 2), secondNumber);
    }

    [Fact]
    public async Task Sessions_racing_from_many_tasks_allocate_distinct_consecutive_numbers()
    {
        const int Workers = 4;
        const int PerWorker = 25;
        var stores = Enumerable.Range(0, Workers).Select(_ => Provider.OpenAgain(Database, Clock).CreateTicketStore()).ToList();

        var results = await Task.WhenAll(stores.Select(store => Task.Run(async () =>
        {
            var mine = new List<long>();
            for (var i = 0; i < PerWorker; i++)
            {
                await using var session = await store.BeginAsync(Ct);
                var number = await session.AllocateTicketNumberAsync("SUP");
                await session.InsertTicketAsync(Samples.Ticket(number));
                await session.CommitAsync();
                mine.Add(number.Sequence);
            }

            return mine;
        })));

        Assert.Equal(Enumerable.Range(1, Workers * PerWorker).Select(i => (long)i), results.SelectMany(numbers => numbers).Order());
    }
}
