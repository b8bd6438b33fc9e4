using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace MailTicketing.Storage.Sqlite;

/// <summary>
/// One lease of a pooled <see cref="PhysicalConnection"/>, as the DbConnection Dapper talks to.
/// Disposing the lease returns the connection to the pool (once); the lease is dead after that.
/// </summary>
internal sealed class PreparedConnection(PhysicalConnection physical, SqliteConnectionPool pool) : DbConnection
{
    private bool _returned;

    public SqliteConnection Inner => Physical.Inner;

    public PhysicalConnection Physical
    {
        get
        {
            ObjectDisposedException.ThrowIf(_returned, this);
            return physical;
        }
    }

    [AllowNull]
    public override string ConnectionString
    {
        get => Inner.ConnectionString;
        set => throw new NotSupportedException("A pooled connection keeps its connection string.");
    }

    public override string Database => Inner.Database;

    public override string DataSource => Inner.DataSource;

    public override string ServerVersion => Inner.ServerVersion;

    /// <summary>The write turn of the transaction begun on this lease, if any; given back at the latest when the lease ends.</summary>
    public WriteTurn? WriteTurn { get; set; }

    public override ConnectionState State => _returned ? ConnectionState.Closed : physical.Inner.State;

    public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();

    public override void Open()
    {
        // Open for as long as it is leased.
    }

    public override void Close() => Release();

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => Inner.BeginTransaction(isolationLevel);

    protected override DbCommand CreateDbCommand() => new PreparedCommand(this);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Release();
        }
    }

    public override ValueTask DisposeAsync()
    {
        Release();
        return ValueTask.CompletedTask;
    }

    private void Release()
    {
        if (!_returned)
        {
            _returned = true;
            pool.Return(physical);
            WriteTurn?.Release();
        }
    }
}
