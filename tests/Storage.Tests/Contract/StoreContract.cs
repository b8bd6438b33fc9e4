using MailTicketing.Storage.Tests.Support;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Ports;

namespace MailTicketing.Storage.Tests.Contract;

/// <summary>
/// The base of the suites every database engine must pass: a fresh migrated database per test.
/// An engine joins by a sealed subclass of each suite with its own <see cref="IStoreProvider"/>.
/// </summary>
public abstract class StoreContract<TProvider> : IAsyncLifetime
    where TProvider : IStoreProvider, new()
{
    protected TProvider Provider { get; } = new();

    protected ManualClock Clock { get; } = new(Samples.T0);

    protected ITicketDatabase Database { get; private set; } = null!;

    protected ITicketStore Store { get; private set; } = null!;

    protected static CancellationToken Ct => CancellationToken.None;

    public async Task InitializeAsync()
    {
        Database = Provider.CreateDatabase(Clock);
        await Database.MigrateAsync(Ct);
        Store = Database.CreateTicketStore();
    }

    public async Task DisposeAsync() => await Provider.DisposeAsync();

    /// <summary>Creates a ticket (with the customer as participant) in its own committed session.</summary>
    protected async Task<(long Id, TicketNumber Number)> CreateTicketAsync(
        string prefix = "SUP", string customer = Samples.Alice, DateTimeOffset? at = null, string mailbox = "support")
    {
        await using var session = await Store.BeginAsync(Ct);
        var number = await session.AllocateTicketNumberAsync(prefix);
        var id = await session.InsertTicketAsync(Samples.Ticket(number, customer, at, mailbox));
        await session.AddParticipantAsync(id, customer);
        await session.CommitAsync();
        return (id, number);
    }

    /// <summary>Adds a message to a ticket in its own committed session.</summary>
    protected async Task<long> AddMessageAsync(NewMessage message)
    {
        await using var session = await Store.BeginAsync(Ct);
        var id = await session.InsertMessageAsync(message);
        await session.CommitAsync();
        return id;
    }

    protected async Task<T> InSessionAsync<T>(Func<ITicketSession, Task<T>> work)
    {
        await using var session = await Store.BeginAsync(Ct);
        var result = await work(session);
        await session.CommitAsync();
        return result;
    }
}
