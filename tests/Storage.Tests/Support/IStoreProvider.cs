namespace MailTicketing.Storage.Tests.Support;

/// <summary>Makes fresh, empty databases for the contract suites; one provider per database engine.</summary>
public interface IStoreProvider : IAsyncDisposable
{
    /// <summary>A new empty database (not migrated). Each call gives a different one.</summary>
    ITicketDatabase CreateDatabase(TimeProvider clock);

    /// <summary>A second handle on the same database, as a second worker process would open it.</summary>
    ITicketDatabase OpenAgain(ITicketDatabase database, TimeProvider clock);
}
