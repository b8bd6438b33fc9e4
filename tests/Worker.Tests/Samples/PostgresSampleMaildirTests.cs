using System.Text;
using System.Text.Json.Nodes;
using MailTicketing.Worker.Cli;
using MailTicketing.Worker.Configuration;
using MailTicketing.Worker.Export;
using MailTicketing.Worker.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Spectre.Console;

namespace MailTicketing.Worker.Tests.Samples;

/// <summary>
/// The worker on PostgreSQL: `run --once` over the sample Maildirs makes the same tickets as on
/// SQLite, compared through `tickets export`, and `migrate` works on it.
/// </summary>
public sealed class PostgresSampleMaildirTests : IAsyncLifetime
{
    private readonly string _sqliteData = Directory.CreateTempSubdirectory("mt-samples-sqlite-").FullName;
    private readonly string _postgresData = Directory.CreateTempSubdirectory("mt-samples-pg-").FullName;
    private readonly string _database = $"mt_test_{Guid.NewGuid():N}";

    // Variables of this test alone: the worker reads the connection string and the signing key
    // from the environment, and a name no other test uses keeps parallel tests apart.
    private readonly string _connectionVariable = $"MT_TEST_PG_{Guid.NewGuid():N}";
    private readonly string _keyVariable = $"MT_TEST_KEY_{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable) is not { Length: > 0 } server)
        {
            return;
        }

        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
            await command.ExecuteNonQueryAsync();
        }

        Environment.SetEnvironmentVariable(_connectionVariable, new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString);
        Environment.SetEnvironmentVariable(_keyVariable, Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()));
    }

    [PostgresFact]
    public async Task Run_once_on_PostgreSQL_makes_the_same_tickets_as_on_SQLite()
    {
        var sqlite = Context(_sqliteData, new DatabaseOptions());
        var postgres = Context(_postgresData, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionStringVariable = _connectionVariable });

        Assert.Equal(0, await MigrateCommand.RunAsync(postgres.Context, CancellationToken.None));
        Assert.Contains("applied 0000 schema_migrations", postgres.Output.ToString());
        Assert.DoesNotContain("Password", postgres.Output.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await RunCommand.RunAsync(sqlite.Context, once: true, CancellationToken.None));
        Assert.Equal(0, await RunCommand.RunAsync(postgres.Context, once: true, CancellationToken.None));

        var fromSqlite = Normalized(await ExportAsync(sqlite.Context));
        var fromPostgres = Normalized(await ExportAsync(postgres.Context));

        Assert.True(fromSqlite.Count > 10, $"the samples made only {fromSqlite.Count} tickets");
        Assert.Equal(fromSqlite.Count, fromPostgres.Count);
        for (var i = 0; i < fromSqlite.Count; i++)
        {
            Assert.Equal(fromSqlite[i]!.ToJsonString(), fromPostgres[i]!.ToJsonString());
        }

        // Running again changes nothing there either.
        Assert.Equal(0, await RunCommand.RunAsync(postgres.Context, once: true, CancellationToken.None));
        Assert.Equal(fromPostgres.ToJsonString(), Normalized(await ExportAsync(postgres.Context)).ToJsonString());
    }

    /// <summary>
    /// The export without what differs by design: row ids (PostgreSQL's identity columns may skip
    /// a value after a rolled-back insert, SQLite's rowids do not) and the Message-IDs of our
    /// own messages (each carries a random part).
    /// </summary>
    private static JsonArray Normalized(string export)
    {
        var root = JsonNode.Parse(export)!;
        var tickets = root as JsonArray ?? root["tickets"]!.AsArray();
        Strip(tickets);
        return tickets;
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).Where(IsRowId).ToList())
                {
                    obj.Remove(name);
                }

                if (obj["direction"]?.GetValue<string>() == "out")
                {
                    obj.Remove("messageId");
                }

                foreach (var (_, child) in obj)
                {
                    Strip(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Strip(child);
                }

                break;
        }
    }

    private static bool IsRowId(string name) => name is "id" || name.EndsWith("RowId", StringComparison.Ordinal);

    private static async Task<string> ExportAsync(CommandContext context)
    {
        using var services = await context.CreateServicesAsync(CancellationToken.None);
        using var stream = new MemoryStream();
        await TicketExportJson.WriteAsync(services.Store.ExportAsync(CancellationToken.None), stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private (CommandContext Context, StringWriter Output) Context(string data, DatabaseOptions database)
    {
        var root = TestPaths.RepositoryRoot;
        var mailboxes = WorkerOptions.DefaultMailboxes();
        foreach (var mailbox in mailboxes)
        {
            mailbox.Maildir = Path.Combine(root, mailbox.Maildir!);
        }

        var options = new WorkerOptions { DataDirectory = data, Mailboxes = mailboxes, Database = database, SigningKeyVariable = _keyVariable };
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No });
        // One fixed clock for both: acknowledgement times and Message-IDs then match too.
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        return (new CommandContext(options, console, new StringWriter(), NullLoggerFactory.Instance, clock), output);
    }

    public async Task DisposeAsync()
    {
        Directory.Delete(_sqliteData, recursive: true);
        Directory.Delete(_postgresData, recursive: true);
        Environment.SetEnvironmentVariable(_connectionVariable, null);
        Environment.SetEnvironmentVariable(_keyVariable, null);
        if (Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable) is not { Length: > 0 } server)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
