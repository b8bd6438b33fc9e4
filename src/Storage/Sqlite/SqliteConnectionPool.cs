using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace MailTicketing.Storage.Sqlite;

/// <summary>
/// Open connections with their compiled statements, lent out one unit of work at a time.
/// SQLite has one writer at a time, so a handful of idle connections is plenty. The last one
/// returned is lent first: each connection has its own page cache, and a writer handed a
/// different connection per batch would warm (and keep) a copy of the hot pages in each.
/// </summary>
internal sealed class SqliteConnectionPool(string connectionString, string connectionPragmas)
{
    private const int MaxIdle = 4;

    private readonly ConcurrentStack<PhysicalConnection> _idle = new();

    public async Task<PreparedConnection> RentAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_idle.TryPop(out var pooled))
        {
            return new PreparedConnection(pooled, this);
        }

        var inner = new SqliteConnection(connectionString);
        try
        {
            await inner.OpenAsync(cancellationToken);
            using var command = inner.CreateCommand();
            command.CommandText = connectionPragmas;
            command.ExecuteNonQuery();
            return new PreparedConnection(new PhysicalConnection(inner), this);
        }
        catch
        {
            await inner.DisposeAsync();
            throw;
        }
    }

    public void Return(PhysicalConnection connection)
    {
        // A connection still inside a transaction (a bug upstream) is closed, which rolls the
        // transaction back, rather than kept and left holding the write lock.
        if (_idle.Count >= MaxIdle || !connection.IsReusable)
        {
            connection.Destroy();
            return;
        }

        _idle.Push(connection);
    }

    /// <summary>Closes the idle connections (leased ones close when they come back and find the pool full).</summary>
    public void Clear()
    {
        while (_idle.TryPop(out var connection))
        {
            connection.Destroy();
        }
    }
}
