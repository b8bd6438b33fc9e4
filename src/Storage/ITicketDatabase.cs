using MailTicketing.Tickets.Ports;

namespace MailTicketing.Storage;

/// <summary>
/// A database the tickets live in: migrate it, then hand out the store. One per database and
/// process, disposed when the process stops (it may run background work, such as checkpoints).
/// </summary>
public interface ITicketDatabase : IAsyncDisposable
{
    /// <summary>Applies the migrations this database lacks and returns them (empty when it was up to date).</summary>
    /// <exception cref="MigrationException">An applied script was edited since, or the database is newer than this build.</exception>
    Task<IReadOnlyList<AppliedMigration>> MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The store over this database. Thread-safe; share one.</summary>
    ITicketStore CreateTicketStore();

    /// <summary>What the scheduled sweeps read and claim, over the same database. Thread-safe; share one.</summary>
    IScheduleStore CreateScheduleStore();

    /// <summary>Mailbox leases and job runs, shared by the workers of this database. Thread-safe; share one.</summary>
    ICoordinationStore CreateCoordinationStore();
}
