using MailTicketing.Storage;
using MailTicketing.Worker.Configuration;

namespace MailTicketing.Worker.Composition;

/// <summary>Opens the configured database, applying pending migrations first (the worker never runs on an old schema).</summary>
internal static class StoreFactory
{
    /// <summary>The migrated database; the caller disposes it (SQLite runs a background checkpointer, PostgreSQL a pool).</summary>
    public static async Task<ITicketDatabase> OpenAsync(WorkerOptions options, SqliteSynchronous synchronous, TimeProvider clock, CancellationToken cancellationToken)
    {
        var database = Create(options, synchronous, clock);
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

    public static async Task<IReadOnlyList<string>> MigrateAsync(WorkerOptions options, CancellationToken cancellationToken)
    {
        await using var database = Create(options, SqliteSynchronous.Normal, TimeProvider.System);
        var applied = await database.MigrateAsync(cancellationToken);
        return applied.Select(m => $"{m.Version:D4} {m.Name}").ToList();
    }

    /// <summary>The database for people to read: the SQLite file, or which variable names the PostgreSQL database (never the connection string).</summary>
    public static string Describe(WorkerOptions options) => options.Database.Provider == DatabaseProvider.Postgres
        ? $"PostgreSQL (connection string from ${options.Database.ConnectionStringVariable})"
        : Path.GetFullPath(options.DatabasePath);

    private static ITicketDatabase Create(WorkerOptions options, SqliteSynchronous synchronous, TimeProvider clock) =>
        options.Database.Provider == DatabaseProvider.Postgres
            ? new PostgresDatabase(new PostgresDatabaseOptions { ConnectionString = options.Database.ReadConnectionString(), Clock = clock })
            : new SqliteDatabase(new SqliteDatabaseOptions { Path = options.DatabasePath, Clock = clock, Synchronous = synchronous });
}
