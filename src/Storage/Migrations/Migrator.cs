using System.Data.Common;
using Dapper;
using MailTicketing.Storage.Dialects;
using MailTicketing.Storage.Repositories;

namespace MailTicketing.Storage.Migrations;

/// <summary>
/// Applies pending scripts in version order, each in its own write transaction together with its
/// schema_migrations row. Refuses to touch a database whose recorded scripts were edited since,
/// or that knows scripts this build does not. Safe to run on every start and from several
/// workers at once: the write transaction serialises them and each re-checks the ledger.
/// </summary>
internal sealed class Migrator(ISqlDialect dialect, IReadOnlyList<MigrationScript> scripts, TimeProvider clock)
{
    private readonly IReadOnlyList<MigrationScript> _scripts = EmbeddedMigrations.Ordered(scripts);

    public async Task<IReadOnlyList<AppliedMigration>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await dialect.PrepareDatabaseAsync(connection, cancellationToken);

        // Read first: an up-to-date database needs no write lock, so `status` and a starting
        // worker are not stopped by another writer holding it (a long ingest, a backup). Only a
        // database without the ledger runs its script (idempotent: IF NOT EXISTS) to create it.
        var recorded = await TryReadLedgerAsync(new SqlContext(connection, null, cancellationToken));
        if (recorded is null)
        {
            await using (var transaction = await dialect.BeginWriteAsync(connection, cancellationToken))
            {
                await connection.ExecuteAsync(new SqlContext(connection, transaction, cancellationToken).Command(_scripts[0].Sql));
                await transaction.CommitAsync(cancellationToken);
            }

            recorded = await ReadLedgerAsync(new SqlContext(connection, null, cancellationToken));
        }

        foreach (var row in recorded)
        {
            Verify(row);
        }

        var done = recorded.Select(row => row.Version).ToHashSet();
        var applied = new List<AppliedMigration>();
        foreach (var script in _scripts.Where(script => !done.Contains(script.Version)))
        {
            await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
            var sql = new SqlContext(connection, transaction, cancellationToken);
            const string selectOne = """
                SELECT version AS Version, name AS Name, checksum AS Checksum, applied_at AS AppliedAt
                FROM schema_migrations WHERE version = @Version
                """;
            var raced = await connection.QuerySingleOrDefaultAsync<LedgerRow?>(sql.Command(selectOne, new { script.Version }));
            if (raced is not null)
            {
                // Another worker applied it after the ledger was read.
                Verify(raced);
                continue;
            }

            if (script.Version != 0)
            {
                await connection.ExecuteAsync(sql.Command(script.Sql));
            }

            var appliedAt = clock.GetUtcNow();
            const string record = """
                INSERT INTO schema_migrations (version, name, checksum, applied_at)
                VALUES (@Version, @Name, @Checksum, @AppliedAt)
                """;
            await connection.ExecuteAsync(sql.Command(record, new
            {
                script.Version,
                script.Name,
                script.Checksum,
                AppliedAt = UnixTime.ToMs(appliedAt),
            }));
            await transaction.CommitAsync(cancellationToken);
            applied.Add(new AppliedMigration(script.Version, script.Name, script.Checksum, UnixTime.FromMs(UnixTime.ToMs(appliedAt))));
        }

        return applied;
    }

    /// <summary>The ledger, or null when there is none yet (a new database).</summary>
    private static async Task<IReadOnlyList<LedgerRow>?> TryReadLedgerAsync(SqlContext sql)
    {
        try
        {
            return await ReadLedgerAsync(sql);
        }
        catch (DbException)
        {
            // No schema_migrations table: both providers report it as an error of the statement,
            // which leaves the connection usable (no transaction was open).
            return null;
        }
    }

    private static async Task<IReadOnlyList<LedgerRow>> ReadLedgerAsync(SqlContext sql)
    {
        const string select = """
            SELECT version AS Version, name AS Name, checksum AS Checksum, applied_at AS AppliedAt
            FROM schema_migrations ORDER BY version
            """;
        return [.. await sql.Connection.QueryAsync<LedgerRow>(sql.Command(select))];
    }

    private void Verify(LedgerRow row)
    {
        var script = _scripts.FirstOrDefault(candidate => candidate.Version == row.Version)
            ?? throw new MigrationException(
                $"The database has migration {row.Version:D4}_{row.Name}, which this build does not have: " +
                "a newer version of MailTicketing migrated it. Run that version (or newer) against this database.");
        if (script.Checksum != row.Checksum)
        {
            throw new MigrationException(
                $"Migration {script.Version:D4}_{script.Name} was changed after it was applied: the database recorded checksum " +
                $"{row.Checksum}, the script now has {script.Checksum}. Applied migrations are forward-only; " +
                "restore the script as it was and put the change in a new, higher-numbered script.");
        }
    }

    private sealed class LedgerRow
    {
        public long Version { get; init; }
        public string Name { get; init; } = "";
        public string Checksum { get; init; } = "";
        public long AppliedAt { get; init; }
    }
}
