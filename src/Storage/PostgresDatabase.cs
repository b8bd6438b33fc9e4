using MailTicketing.Storage.Migrations;
using MailTicketing.Storage.Postgres;
using MailTicketing.Storage.Store;
using MailTicketing.Tickets.Ports;

namespace MailTicketing.Storage;

/// <summary>
/// A PostgreSQL database shared by any number of workers. Typical use:
/// <code>
/// var database = new PostgresDatabase(new PostgresDatabaseOptions
/// {
///     ConnectionString = Environment.GetEnvironmentVariable("MT_DATABASE")!,
/// });
/// await database.MigrateAsync(ct);
/// ITicketStore store = database.CreateTicketStore();
/// // … and at shutdown:
/// await database.DisposeAsync();
/// </code>
/// </summary>
public sealed class PostgresDatabase : ITicketDatabase
{
    private readonly PostgresDatabaseOptions _options;

    public PostgresDatabase(PostgresDatabaseOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        _options = options;
        Dialect = new PostgresDialect(options.ConnectionString);
    }

    internal PostgresDialect Dialect { get; }

    public async Task<IReadOnlyList<AppliedMigration>> MigrateAsync(CancellationToken cancellationToken)
    {
        var applied = await CreateMigrator(EmbeddedMigrations.Load(Dialect.ScriptFolder)).MigrateAsync(cancellationToken);
        await Dialect.ReloadTypesAsync(cancellationToken);
        return applied;
    }

    public ITicketStore CreateTicketStore() => new TicketStore(Dialect, _options.Clock);

    public IScheduleStore CreateScheduleStore() => new TicketStore(Dialect, _options.Clock);

    public ICoordinationStore CreateCoordinationStore() => new CoordinationStore(Dialect);

    /// <summary>Closes the pooled connections. Stores made by this database stop working.</summary>
    public ValueTask DisposeAsync() => Dialect.DisposeAsync();

    internal Migrator CreateMigrator(IReadOnlyList<MigrationScript> scripts) => new(Dialect, scripts, _options.Clock);
}
