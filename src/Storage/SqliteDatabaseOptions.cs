namespace MailTicketing.Storage;

/// <summary>Where the SQLite database lives and how connections to it behave.</summary>
public sealed class SqliteDatabaseOptions
{
    /// <summary>The database file; its folder is created when missing.</summary>
    public required string Path { get; init; }

    public SqliteSynchronous Synchronous { get; init; } = SqliteSynchronous.Normal;

    /// <summary>How long a writer waits for another writer's transaction before failing (PRAGMA busy_timeout).</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The clock for times the store stamps itself (migration and quarantine times).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
