using MailTicketing.Storage;
using MailTicketing.Tickets.Ports;

namespace MailTicketing.Worker.Composition;

/// <summary>Opens the configured database, applying pending migrations first (the worker never runs on an old schema).</summary>
internal static class StoreFactory
{
    public static async Task<ITicketStore> OpenAsync(string databasePath, TimeProvider clock, CancellationToken cancellationToken)
    {
        var database = new SqliteDatabase(new SqliteDatabaseOptions { Path = databasePath, Clock = clock });
        await database.MigrateAsync(cancellationToken);
        return database.CreateTicketStore();
    }

    public static async Task<IReadOnlyList<string>> MigrateAsync(string databasePath, CancellationToken cancellationToken)
    {
        var database = new SqliteDatabase(new SqliteDatabaseOptions { Path = databasePath });
        var applied = await database.MigrateAsync(cancellationToken);
        return applied.Select(m => $"{m.Version:D4} {m.Name}").ToList();
    }
}
