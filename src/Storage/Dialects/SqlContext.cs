using System.Data.Common;
using Dapper;
using MailTicketing.Storage.Postgres;
using Npgsql;

namespace MailTicketing.Storage.Dialects;

/// <summary>
/// The connection, transaction and cancellation one unit of work runs its commands with.
/// Statements with RETURNING are run with QuerySingle*, never ExecuteScalar: SQLite reports a
/// constraint failure (a foreign key, say) only when the statement is stepped to its end, and
/// ExecuteScalar stops after the first row, so the error would be lost with the row.
/// </summary>
internal readonly record struct SqlContext(DbConnection Connection, DbTransaction? Transaction, CancellationToken Token)
{
    // Only the CommandDefinition overloads of Dapper honour cancellation; every command goes through here.
    // On PostgreSQL, Dapper hands a list parameter over as one array and leaves "IN @Ids" as it
    // is, which PostgreSQL cannot parse; PostgresSql.Adapt says "= ANY(@Ids)" instead.
    public CommandDefinition Command(string sql, object? parameters = null) =>
        new(Connection is NpgsqlConnection ? PostgresSql.Adapt(sql) : sql, parameters, Transaction, cancellationToken: Token);
}
