using MailTicketing.Storage;

namespace MailTicketing.Worker.Composition;

/// <summary>Opens the configured database, applying pending migrations first (the worker never runs on an old schema).</summary>
internal static class StoreFactory
{
    /// <summary>The migrated database; the caller disposes it (it runs a background checkpointer).</summary>
    public static async Task<ITicketDatabase> OpenAsync(string databasePath, SqliteSynchronous synchronous, TimeProvider clock, CancellationToken cancellationToken)
    {
        var database = new SqliteDatabase(new SqliteDatabaseOptions { Path = databasePath, Clock = clock, Synchronous = synchronous });
        try
        {
            await database.MigrateAsync(cancellationToken);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public static async Task<IReadOnlyList<string>> MigrateAsync(string databasePath, CancellationToken cancellationToken)
    {
        await using var database = new SqliteDatabase(new SqliteDatabaseOptions { Path = databasePath });
        var applied = await database.MigrateAsync(cancellationToken);
        return applied.Select(m => $"{m.Version:D4} {m.Name}").ToList();
    }
}
