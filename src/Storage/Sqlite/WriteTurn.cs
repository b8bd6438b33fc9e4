namespace MailTicketing.Storage.Sqlite;

/// <summary>
/// A writer's place at the head of the dialect's write queue, given back once: when its
/// transaction ends or, should the transaction be left open, when its connection goes back to
/// the pool (which closes a connection still inside a transaction).
/// </summary>
internal sealed class WriteTurn(SemaphoreSlim queue)
{
    private int _released;

    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            queue.Release();
        }
    }
}
