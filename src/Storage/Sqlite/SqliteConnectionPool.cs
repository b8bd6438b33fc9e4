using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace MailTicketing.Storage.Sqlite;

/// <summary>
/// Open connections with their compiled statements, lent out one unit of work at a time.
/// SQLite has one writer at a time, so a handful of idle connections is plenty.
/// </summary>
internal sealed class SqliteConnectionPool(string connectionString, string connectionPragmas)
{
    private const int MaxIdle = 4;

    private readonly ConcurrentBag<PhysicalConnection> _idle = [];

    public async Task<PreparedConnection> RentAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_idle.TryTake(out var pooled))
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

        _idle.Add(connection);
    }

    /// <summary>Closes the idle connections (leased ones close when they come back and find the pool full).</summary>
    public void Clear()
    {
        while (_idle.TryTake(out var connection))
        {
            connection.Destroy();
        }
    }
}
