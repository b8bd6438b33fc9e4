using Microsoft.Data.Sqlite;

namespace MailTicketing.Storage.Sqlite;

/// <summary>
/// An open SQLite connection that keeps every statement it has compiled. Dapper creates a new
/// command per call, and Microsoft.Data.Sqlite would compile its SQL each time; with foreign keys
/// and several indexes per table, compiling cost more than running. Here each distinct SQL text
/// is compiled once per connection and re-bound after.
/// </summary>
internal sealed class PhysicalConnection(SqliteConnection inner)
{
    // Dapper expands list parameters into SQL of varying length; past this many texts the cache starts over.
    private const int MaxStatements = 256;

    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);

    public SqliteConnection Inner => inner;

    /// <summary>True when the connection is open and outside any transaction, fit to lend again.</summary>
    public bool IsReusable =>
        inner.State == System.Data.ConnectionState.Open && SQLitePCL.raw.sqlite3_get_autocommit(inner.Handle) != 0;

    /// <summary>The command kept for this SQL text; compiled on its first execution.</summary>
    public SqliteCommand Statement(string sql)
    {
        if (_statements.TryGetValue(sql, out var command))
        {
            return command;
        }

        if (_statements.Count >= MaxStatements)
        {
            // Rare; statements run one at a time, so none of them is in use now.
            DisposeStatements();
        }

        command = inner.CreateCommand();
        command.CommandText = sql;
        _statements.Add(sql, command);
        return command;
    }

    public void Destroy()
    {
        DisposeStatements();
        inner.Dispose();
    }

    private void DisposeStatements()
    {
        foreach (var command in _statements.Values)
        {
            command.Dispose();
        }

        _statements.Clear();
    }
}
