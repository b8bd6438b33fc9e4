namespace MailTicketing.Storage;

/// <summary>A migration script recorded in schema_migrations.</summary>
/// <param name="Checksum">SHA-256 (hex) of the script text with LF line endings.</param>
public sealed record AppliedMigration(int Version, string Name, string Checksum, DateTimeOffset AppliedAt);
