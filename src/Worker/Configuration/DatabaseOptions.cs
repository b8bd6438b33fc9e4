using System.ComponentModel;
using System.Globalization;
using Npgsql;

namespace MailTicketing.Worker.Configuration;

/// <summary>
/// The section "MailTicketing:Database". SQLite (the default) needs nothing; PostgreSQL needs
/// the name of the environment variable that holds the Npgsql connection string: the string
/// carries the password, so it never sits in a configuration file and is never logged.
/// A plain string ("Database": "data/tickets.db") still means the SQLite file, as it did
/// before the section existed.
/// </summary>
[TypeConverter(typeof(PathConverter))]
public sealed class DatabaseOptions
{
    public const string DefaultConnectionStringVariable = "MAILTICKETING_DATABASE_CONNECTION";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite: the database file; defaults to DataDirectory/mailticketing.db.</summary>
    public string? Path { get; set; }

    /// <summary>PostgreSQL: the environment variable holding the connection string (Host=…;Username=…;Password=…;Database=…).</summary>
    public string ConnectionStringVariable { get; set; } = DefaultConnectionStringVariable;

    /// <summary>The PostgreSQL connection string from the environment.</summary>
    /// <exception cref="WorkerConfigurationException">The variable is not set.</exception>
    public string ReadConnectionString() =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } value
            ? value
            : throw new WorkerConfigurationException(MissingVariable());

    internal void Validate(List<string> errors, string at = "MailTicketing:Database")
    {
        if (!Enum.IsDefined(Provider))
        {
            errors.Add($"{at}:Provider must be Sqlite or Postgres, was {Provider}.");
        }

        if (Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(ConnectionStringVariable))
        {
            errors.Add($"{at}:ConnectionStringVariable is empty; name the environment variable that holds the PostgreSQL connection string.");
            return;
        }

        var value = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(MissingVariable(at));
            return;
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException)
        {
            // Not the parser's message: it may quote the string, password and all.
            errors.Add($"{at}:ConnectionStringVariable names '{ConnectionStringVariable}', which does not hold a valid Npgsql connection string (Host=…;Port=…;Username=…;Password=…;Database=…).");
        }
    }

    private string MissingVariable(string at = "MailTicketing:Database") =>
        $"{at}:Provider is Postgres and {at}:ConnectionStringVariable names the environment variable '{ConnectionStringVariable}', " +
        "which is not set or empty; set it to the Npgsql connection string (Host=…;Port=…;Username=…;Password=…;Database=…).";

    /// <summary>Reads a plain string value of the section as the SQLite path.</summary>
    internal sealed class PathConverter : TypeConverter
    {
        public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
            sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

        public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
            value is string path ? new DatabaseOptions { Path = path.Length == 0 ? null : path } : base.ConvertFrom(context, culture, value);
    }
}
