namespace MailTicketing.Tickets.Ingestion;

/// <summary>
/// Prepares a batch's messages (<see cref="PreparedMail"/>) in order on a thread of its own while
/// the caller writes the earlier ones: on two cores, parsing and extraction run beside the single
/// database writer instead of in front of it. At most <see cref="Lookahead"/> messages wait
/// prepared, so a batch of large messages does not sit in memory at once.
/// </summary>
internal sealed class PreparationQueue : IAsyncDisposable
{
    private const int Lookahead = 8;

    // Room is handed back this many messages at a time: the preparing thread, once the queue is
    // full, then wakes once per few messages instead of after every one (each wake-up is a thread
    // pool hop, with its spinning and a futex, which cost more CPU than the hand-off it serves).
    private const int RoomGranted = 4;

    private readonly TaskCompletionSource<PreparedMail>[] _slots;
    private readonly SemaphoreSlim _room = new(Lookahead);
    private readonly CancellationTokenSource _stop;
    private readonly Task _worker;
    private int _taken;

    private PreparationQueue(IReadOnlyList<IncomingMail> mails, Func<IncomingMail, PreparedMail> prepare, CancellationToken cancellationToken)
    {
        _slots = new TaskCompletionSource<PreparedMail>[mails.Count];
        for (var i = 0; i < _slots.Length; i++)
        {
            // The waiting writer must not resume on the preparing thread, which would stop preparing.
            _slots[i] = new TaskCompletionSource<PreparedMail>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _worker = Task.Run(() => RunAsync(mails, prepare), CancellationToken.None);
    }

    /// <summary>Starts preparing <paramref name="mails"/> in order.</summary>
    public static PreparationQueue Start(IReadOnlyList<IncomingMail> mails, Func<IncomingMail, PreparedMail> prepare, CancellationToken cancellationToken) =>
        new(mails, prepare, cancellationToken);

    /// <summary>The prepared message at <paramref name="index"/>; messages are taken in order, each once. The caller disposes it.</summary>
    public async Task<PreparedMail> TakeAsync(int index)
    {
        if (index != _taken)
        {
            throw new InvalidOperationException($"Prepared messages are taken in order: expected {_taken}, asked for {index}.");
        }

        var prepared = await _slots[index].Task;
        _taken = index + 1;
        if (_taken % RoomGranted == 0)
        {
            _room.Release(RoomGranted);
        }

        return prepared;
    }

    /// <summary>Stops preparing and disposes what was prepared but not taken.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _worker;
        for (var i = _taken; i < _slots.Length; i++)
        {
            if (_slots[i].Task.IsCompletedSuccessfully)
            {
                _slots[i].Task.Result.Dispose();
            }
        }

        _stop.Dispose();
        _room.Dispose();
    }

    private async Task RunAsync(IReadOnlyList<IncomingMail> mails, Func<IncomingMail, PreparedMail> prepare)
    {
        var next = 0;
        try
        {
            for (; next < mails.Count; next++)
            {
                await _room.WaitAsync(_stop.Token);
                _slots[next].SetResult(prepare(mails[next]));
            }
        }
        catch (OperationCanceledException e)
        {
            for (; next < mails.Count; next++)
            {
                _slots[next].TrySetCanceled(e.CancellationToken);
            }
        }
        catch (Exception e)
        {
            // PreparedMail.Prepare keeps every failure of a message; this is a bug, reported to the writer.
            for (; next < mails.Count; next++)
            {
                _slots[next].TrySetException(e);
            }
        }
    }
}
