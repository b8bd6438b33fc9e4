using MailTicketing.Storage.Migrations;
using MailTicketing.Storage.Sqlite;
using MailTicketing.Storage.Store;
using MailTicketing.Tickets.Ports;

namespace MailTicketing.Storage;

/// <summary>
/// The embedded default: one SQLite file in WAL mode. Typical use:
/// <code>
/// var database = new SqliteDatabase(new SqliteDatabaseOptions { Path = "data/tickets.db" });
/// await database.MigrateAsync(ct);
/// ITicketStore store = database.CreateTicketStore();
/// // … and at shutdown:
/// await database.DisposeAsync();
/// </code>
/// </summary>
public sealed class SqliteDatabase : ITicketDatabase
{
    private readonly SqliteDatabaseOptions _options;

    public SqliteDatabase(SqliteDatabaseOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        if (options.BusyTimeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BusyTimeout, "BusyTimeout must not be negative.");
        }

        _options = options;
        Dialect = new SqliteDialect(options);
    }

    /// <summary>The database file's full path.</summary>
    public string Path => Dialect.DatabasePath;

    internal SqliteDialect Dialect { get; }

    public Task<IReadOnlyList<AppliedMigration>> MigrateAsync(CancellationToken cancellationToken)
    {
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return CreateMigrator(EmbeddedMigrations.Load(Dialect.ScriptFolder)).MigrateAsync(cancellationToken);
    }

    public ITicketStore CreateTicketStore() => new TicketStore(Dialect, _options.Clock);

    public IScheduleStore CreateScheduleStore() => new TicketStore(Dialect, _options.Clock);

    public ICoordinationStore CreateCoordinationStore() => new CoordinationStore(Dialect);

    /// <summary>Stops the background checkpoints and closes idle connections. Stores made by this database stop working.</summary>
    public ValueTask DisposeAsync() => Dialect.DisposeAsync();

    internal Migrator CreateMigrator(IReadOnlyList<MigrationScript> scripts) => new(Dialect, scripts, _options.Clock);
}
