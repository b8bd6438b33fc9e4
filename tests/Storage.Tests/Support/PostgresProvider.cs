using Npgsql;

namespace MailTicketing.Storage.Tests.Support;

/// <summary>
/// A fresh database per <see cref="CreateDatabase"/> on the server MT_PG_CONNECTION names
/// (scripts/servers/up.sh starts one), dropped afterwards. A database rather than a schema:
/// the migrations create the citext extension, which is one per database.
/// </summary>
public sealed class PostgresProvider : IStoreProvider
{
    public const string Variable = "MT_PG_CONNECTION";

    private readonly List<PostgresDatabase> _opened = [];
    private readonly List<string> _created = [];
    private readonly Dictionary<PostgresDatabase, string> _connectionStrings = [];

    /// <summary>The server's connection string, or null when the tests have no server.</summary>
    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>
    /// Why the PostgreSQL tests skip here, or null when they run. The rule of tests/Mime.Tests'
    /// TestEnvironment: on CI (CI=true) they never skip, so a missing server fails them.
    /// </summary>
    public static string? SkipReason =>
        ServerConnectionString is not null || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"{Variable} is not set: no PostgreSQL server (scripts/servers/up.sh starts one, scripts/test sets it); with CI=true this test fails instead of skipping";

    public ITicketDatabase CreateDatabase(TimeProvider clock)
    {
        var server = ServerConnectionString
            ?? throw new InvalidOperationException($"{Variable} is not set: the PostgreSQL tests need a server (scripts/servers/up.sh).");
        var name = $"mt_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            // A generated name, not input: it can be part of the statement, which takes no parameters.
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        _created.Add(name);
        return Open(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, clock);
    }

    public ITicketDatabase OpenAgain(ITicketDatabase database, TimeProvider clock) =>
        Open(_connectionStrings[(PostgresDatabase)database], clock);

    public PostgresDatabase Open(string connectionString, TimeProvider clock)
    {
        var database = new PostgresDatabase(new PostgresDatabaseOptions { ConnectionString = connectionString, Clock = clock });
        _opened.Add(database);
        _connectionStrings[database] = connectionString;
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }

        if (_created.Count == 0 || ServerConnectionString is not { } server)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        foreach (var name in _created)
        {
            // FORCE: a stream a test left open still holds a connection. Best effort: a database
            // left behind (a server process of its own still on it) costs disk, not a wrong result.
            try
            {
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
            }
            catch (PostgresException)
            {
            }
        }
    }
}
