namespace MailTicketing.Storage;

/// <summary>Which PostgreSQL database the tickets live in.</summary>
public sealed class PostgresDatabaseOptions
{
    /// <summary>
    /// An Npgsql connection string (Host=…;Port=…;Username=…;Password=…;Database=…). It holds a
    /// secret: read it from the environment, never from a configuration file, and never log it.
    /// The role must be able to create the citext extension (the database's owner can).
    /// </summary>
    public required string ConnectionString { get; init; }

    /// <summary>The clock for times the store stamps itself (migration and quarantine times).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
