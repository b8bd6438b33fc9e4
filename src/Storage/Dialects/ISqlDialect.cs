using System.Data.Common;

namespace MailTicketing.Storage.Dialects;

/// <summary>
/// Only what differs between databases. The repositories' SQL is shared: SQLite (3.35+) and
/// PostgreSQL both speak <c>INSERT … ON CONFLICT … DO NOTHING</c> and <c>RETURNING</c>, and the
/// schema differences (types, collations) stay in each dialect's sql/ folder.
/// </summary>
internal interface ISqlDialect
{
    /// <summary>The folder of embedded migration scripts: "sqlite", later "postgres".</summary>
    string ScriptFolder { get; }

    /// <summary>An open connection with this dialect's session settings applied.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Settings that belong to the database rather than to a connection, applied before migrating.</summary>
    Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A write transaction that serialises read-decide-write against every other writer.</summary>
    Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A read-only transaction over one consistent snapshot.</summary>
    Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Inserts an (already encoded) blob unless its hash is present; false when it was.</summary>
    Task<bool> InsertBlobAsync(SqlContext sql, BlobHeader header, Stream storedBytes);

    /// <summary>The stored bytes of a blob, streamed; null when absent. The stream must be disposed before the connection.</summary>
    Task<(BlobHeader Header, Stream StoredBytes)?> OpenBlobAsync(SqlContext sql, string sha256);
}
