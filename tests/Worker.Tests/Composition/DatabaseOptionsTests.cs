using MailTicketing.Worker.Configuration;
using Microsoft.Extensions.Configuration;

namespace MailTicketing.Worker.Tests.Composition;

public sealed class DatabaseOptionsTests
{
    [Fact]
    public void The_database_section_selects_PostgreSQL_and_a_plain_string_still_names_the_SQLite_file()
    {
        var postgres = Bind(new() { ["MailTicketing:Database:Provider"] = "Postgres", ["MailTicketing:Database:ConnectionStringVariable"] = "MT_DB" });
        var file = Bind(new() { ["MailTicketing:Database"] = "elsewhere/tickets.db" });
        var none = Bind([]);

        Assert.Equal((DatabaseProvider.Postgres, "MT_DB"), (postgres.Database.Provider, postgres.Database.ConnectionStringVariable));
        Assert.Equal((DatabaseProvider.Sqlite, "elsewhere/tickets.db"), (file.Database.Provider, file.DatabasePath));
        Assert.Equal((DatabaseProvider.Sqlite, Path.Combine("data", "mailticketing.db")), (none.Database.Provider, none.DatabasePath));
    }

    [Fact]
    public void PostgreSQL_without_its_variable_is_reported_by_name_and_a_bad_string_is_never_echoed()
    {
        var variable = $"MT_TEST_DB_{Guid.NewGuid():N}";
        var options = new WorkerOptions { Mailboxes = WorkerOptions.DefaultMailboxes() };
        options.Database = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionStringVariable = variable };

        var missing = WorkerOptionsValidator.Validate(options);
        Environment.SetEnvironmentVariable(variable, "Host=db;Password=s3cret-value;NoSuchKeyword=1");
        try
        {
            var invalid = WorkerOptionsValidator.Validate(options);

            Assert.Contains(missing, error => error.Contains(variable, StringComparison.Ordinal) && error.Contains("not set", StringComparison.Ordinal));
            Assert.Contains(invalid, error => error.Contains("not hold a valid Npgsql connection string", StringComparison.Ordinal));
            Assert.DoesNotContain(invalid, error => error.Contains("s3cret-value", StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    private static WorkerOptions Bind(Dictionary<string, string?> values) =>
        WorkerConfiguration.Bind(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
}
