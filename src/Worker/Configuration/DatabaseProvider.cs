namespace MailTicketing.Worker.Configuration;

/// <summary>Where the tickets live.</summary>
public enum DatabaseProvider
{
    /// <summary>One SQLite file (the default): one worker per file.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, which several workers may share.</summary>
    Postgres,
}
