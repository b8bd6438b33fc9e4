using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace MailTicketing.Storage.Sqlite;

/// <summary>
/// A Microsoft.Data.Sqlite transaction that survives SQLite ending it by itself. A COMMIT that
/// fails for lack of disk space (SQLITE_FULL) or with an I/O error rolls the transaction back
/// (https://www.sqlite.org/lang_transaction.html, "Response To Errors Within A Transaction"),
/// but Microsoft.Data.Sqlite drops its rollback hook before COMMIT and does not notice: its
/// ROLLBACK at dispose then fails with "no transaction is active", which replaces the real error,
/// and the connection keeps a transaction that no longer exists, so every later BEGIN on it
/// fails ("nested transactions") and a pooled connection wedges the worker until it restarts.
/// Here the dispose and rollback first give SQLite a transaction to end when it has none.
/// A write transaction also gives back its place in the dialect's write queue when it ends.
/// </summary>
internal sealed class SqliteUnitTransaction(SqliteTransaction inner, DbConnection connection, WriteTurn? turn = null) : DbTransaction
{
    private bool _completed;

    public SqliteTransaction Inner => inner;

    public override IsolationLevel IsolationLevel => inner.IsolationLevel;

    protected override DbConnection DbConnection => connection;

    public override void Commit()
    {
        inner.Commit();
        _completed = true;
        Ended();
    }

    public override void Rollback()
    {
        _completed = true;
        var native = inner.Connection;
        ReopenIfEnded(native);
        try
        {
            inner.Rollback();
        }
        finally
        {
            Ended();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_completed)
        {
            _completed = true;
            var native = inner.Connection;
            try
            {
                ReopenIfEnded(native);
                inner.Dispose();
                // Had Microsoft.Data.Sqlite seen the rollback after all (its hook), it sent no
                // ROLLBACK and the BEGIN above would still be open: end it.
                if (native is { State: ConnectionState.Open } && SQLitePCL.raw.sqlite3_get_autocommit(native.Handle) == 0)
                {
                    SQLitePCL.raw.sqlite3_exec(native.Handle, "ROLLBACK", null, null, out _);
                }
            }
            finally
            {
                Ended();
            }
        }

        base.Dispose(disposing);
    }

    private void Ended() => turn?.Release();

    private static void ReopenIfEnded(SqliteConnection? native)
    {
        if (native is { State: ConnectionState.Open } && SQLitePCL.raw.sqlite3_get_autocommit(native.Handle) != 0)
        {
            SQLitePCL.raw.sqlite3_exec(native.Handle, "BEGIN", null, null, out _);
        }
    }
}
