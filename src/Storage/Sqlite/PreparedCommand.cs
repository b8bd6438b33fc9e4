using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace MailTicketing.Storage.Sqlite;

/// <summary>
/// The command Dapper sees: it collects text and parameters, then runs them on the statement
/// its <see cref="PreparedConnection"/> keeps for that text.
/// </summary>
internal sealed class PreparedCommand(PreparedConnection connection) : DbCommand
{
    // A command that is never executed, used only for its parameter collection.
    private readonly SqliteCommand _parameterHolder = new();

    [AllowNull]
    public override string CommandText { get; set; } = "";

    public override int CommandTimeout { get; set; } = connection.Inner.DefaultTimeout;

    public override CommandType CommandType { get; set; } = CommandType.Text;

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set => throw new NotSupportedException("A prepared command stays on its connection.");
    }

    protected override DbParameterCollection DbParameterCollection => _parameterHolder.Parameters;

    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel()
    {
        // SQLite statements run synchronously; cancellation is checked before each one starts.
    }

    public override void Prepare()
    {
        // Statements are compiled on first use and kept by the connection.
    }

    public override int ExecuteNonQuery() => Bind().ExecuteNonQuery();

    public override object? ExecuteScalar() => Bind().ExecuteScalar();

    // The reader resets the kept statement when it is disposed.
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Bind().ExecuteReader(behavior);

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _parameterHolder.Dispose();
        }

        base.Dispose(disposing);
    }

    private SqliteCommand Bind()
    {
        if (CommandType != CommandType.Text)
        {
            throw new NotSupportedException("SQLite runs text commands only.");
        }

        var command = connection.Physical.Statement(CommandText);
        command.Transaction = DbTransaction is SqliteUnitTransaction unit ? unit.Inner : (SqliteTransaction?)DbTransaction;
        command.CommandTimeout = CommandTimeout;
        command.Parameters.Clear();
        foreach (SqliteParameter parameter in _parameterHolder.Parameters)
        {
            // Dapper names parameters without a prefix; Microsoft.Data.Sqlite then tries the bare
            // name and each of @, $ and : in turn, four native lookups per parameter per execution.
            if (parameter.ParameterName.Length > 0 && parameter.ParameterName[0] is not ('@' or '$' or ':'))
            {
                parameter.ParameterName = "@" + parameter.ParameterName;
            }

            command.Parameters.Add(parameter);
        }

        return command;
    }
}
