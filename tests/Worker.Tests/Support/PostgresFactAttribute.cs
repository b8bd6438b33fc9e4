namespace MailTicketing.Worker.Tests.Support;

/// <summary>
/// A test against the PostgreSQL server named by MT_PG_CONNECTION (scripts/servers/up.sh):
/// skipped with the reason when it is not set, except on CI (CI=true), where it runs and fails.
/// </summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "MT_PG_CONNECTION";

    public PostgresFactAttribute()
    {
        var available = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable));
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!available && !ci)
        {
            Skip = $"{Variable} is not set: no PostgreSQL server (scripts/servers/up.sh starts one, scripts/test sets it); with CI=true this test fails instead of skipping";
        }
    }
}
