using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MailTicketing.Storage.Tests.Support;

/// <summary>
/// Records every statement a SQLite connection runs, with its parameters expanded in place
/// (sqlite3_trace), so a test can ask SQLite for the plan of exactly what the code ran.
/// </summary>
internal sealed class StatementTrace : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly List<string> _statements = [];

    public StatementTrace(SqliteConnection connection)
    {
        _connection = connection;
        raw.sqlite3_trace(connection.Handle, (_, statement) => _statements.Add(statement.utf8_to_string()), null);
    }

    /// <summary>The data statements run so far (no PRAGMA, BEGIN or COMMIT), each once.</summary>
    public IReadOnlyList<string> Statements =>
        [.. _statements.Select(statement => statement.Trim()).Where(IsDataStatement).Distinct()];

    public void Dispose() => raw.sqlite3_trace(_connection.Handle, (delegate_trace?)null, null);

    private static bool IsDataStatement(string sql) =>
        new[] { "SELECT", "INSERT", "UPDATE", "DELETE", "WITH" }.Any(verb => sql.StartsWith(verb, StringComparison.OrdinalIgnoreCase));
}
