namespace MailTicketing.Storage;

/// <summary>The database and this build's migration scripts disagree; nothing was changed.</summary>
public sealed class MigrationException(string message) : Exception(message);
