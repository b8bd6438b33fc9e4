namespace MailTicketing.Tickets.Ingestion;

/// <summary>
/// Prepares messages (<see cref="PreparedMail"/>) in order on a thread of its own while the
/// caller writes the earlier ones: on two cores, parsing and extraction run beside the single
/// database writer instead of in front of it. Messages are added as a source yields them and
/// taken by <see cref="IngestService.IngestBatchAsync(PreparationQueue, IReadOnlyList{IncomingMail}, Func{Ports.ITicketSession, IReadOnlyList{IngestResult}, Task}?, CancellationToken)"/>
/// batch after batch, so the next batch's first messages are ready while the last one commits
/// (a queue per batch left the writer waiting for a cold start at every batch). At most
/// <see cref="Lookahead"/> messages, and about <see cref="LookaheadBytes"/> of raw mail, wait
/// prepared, so a run of large messages does not sit in memory at once.
/// </summary>
public sealed class PreparationQueue : IAsyncDisposable
{
    private const int Lookahead = 16;

    // A message is prepared only while those waiting hold less than this (at least one always may).
    private const long LookaheadBytes = 16L * 1024 * 1024;

    // Room is handed back this many messages at a time: the preparing thread, once the queue is
    // full, then wakes once per few messages instead of after every one (a wake-up is a futex
    // and a context switch, which cost more CPU than the hand-off it serves).
    private const int RoomGranted = 4;

    private readonly Func<IncomingMail, PreparedMail> _prepare;
    private readonly object _gate = new();
    private readonly Queue<Entry> _toTake = new();
    private readonly Queue<Entry> _toPrepare = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationToken _cancellation;
    private readonly CancellationTokenRegistration _cancelled;
    private bool _stopping;
    private int _held;
    private long _heldBytes;
    private Wait _workerWaits;
    private Exception? _fault;

    internal PreparationQueue(Func<IncomingMail, PreparedMail> prepare, CancellationToken cancellationToken)
    {
        _prepare = prepare;
        _cancellation = cancellationToken;
        // A thread of its own, blocking while it waits: a thread pool worker that goes idle spins
        // (sched_yield) before it sleeps, and the preparation goes idle every few messages; that
        // spinning cost about 7% of the process's CPU.
        new Thread(Run) { IsBackground = true, Name = "mail preparation" }.Start();
        _cancelled = cancellationToken.Register(Stop);
    }

    /// <summary>Queues <paramref name="mail"/> to be prepared after those added before it; a batch then takes the messages in the same order.</summary>
    public void Add(IncomingMail mail)
    {
        var entry = new Entry(mail);
        lock (_gate)
        {
            _toTake.Enqueue(entry);
            if (_fault is not null)
            {
                entry.Done.TrySetException(_fault);
                return;
            }

            if (_stopping)
            {
                entry.Done.TrySetCanceled(_cancellation);
                return;
            }

            _toPrepare.Enqueue(entry);
            if (_workerWaits == Wait.ForMail)
            {
                Wake();
            }
        }
    }

    /// <summary>Stops preparing and disposes what was prepared but not taken.</summary>
    public async ValueTask DisposeAsync()
    {
        Stop();
        await _stopped.Task;
        await _cancelled.DisposeAsync();
        lock (_gate)
        {
            foreach (var entry in _toTake)
            {
                if (entry.Done.Task.IsCompletedSuccessfully)
                {
                    entry.Done.Task.Result.Dispose();
                }
                else
                {
                    entry.Done.TrySetCanceled(_cancellation);
                }
            }

            _toTake.Clear();
        }
    }

    /// <summary>
    /// The next prepared message, which must be <paramref name="expected"/> (messages are taken in
    /// the order added, each once); it leaves the queue at the call, before it is ready. The caller disposes it.
    /// </summary>
    internal Task<PreparedMail> TakeAsync(IncomingMail expected)
    {
        Entry entry;
        lock (_gate)
        {
            if (!_toTake.TryPeek(out entry!) || !ReferenceEquals(entry.Mail, expected))
            {
                throw new InvalidOperationException($"Prepared messages are taken in the order added: {expected.Source} {expected.SourceKey} is not next.");
            }

            _toTake.Dequeue();
        }

        return WhenPreparedAsync(entry);
    }

    private async Task<PreparedMail> WhenPreparedAsync(Entry entry)
    {
        var prepared = await entry.Done.Task;
        lock (_gate)
        {
            _held--;
            _heldBytes -= entry.Weight;

            // Room is granted a few messages at a time (see RoomGranted).
            if (_workerWaits == Wait.ForRoom && (_held <= Lookahead - RoomGranted || _heldBytes < LookaheadBytes / 2))
            {
                Wake();
            }
        }

        return prepared;
    }

    /// <summary>Takes and disposes <paramref name="mails"/> from index <paramref name="from"/> on (those of a batch that failed before it reached them).</summary>
    internal async Task SkipAsync(IReadOnlyList<IncomingMail> mails, int from)
    {
        for (var i = from; i < mails.Count; i++)
        {
            var next = TakeAsync(mails[i]);
            try
            {
                (await next).Dispose();
            }
            catch (Exception)
            {
                // Its preparation failed or was cancelled: nothing to dispose.
            }
        }
    }

    /// <summary>Under _gate.</summary>
    private void Wake()
    {
        _workerWaits = Wait.None;
        Monitor.Pulse(_gate);
    }

    private void Stop()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.Pulse(_gate);
        }
    }

    private void Run()
    {
        Entry? next = null;
        try
        {
            while (true)
            {
                lock (_gate)
                {
                    while (true)
                    {
                        if (_stopping)
                        {
                            while (_toPrepare.TryDequeue(out var entry))
                            {
                                entry.Done.TrySetCanceled(_cancellation);
                            }

                            return;
                        }

                        if (_toPrepare.Count == 0)
                        {
                            _workerWaits = Wait.ForMail;
                        }
                        else if (_held > 0 && (_held >= Lookahead || _heldBytes >= LookaheadBytes))
                        {
                            _workerWaits = Wait.ForRoom;
                        }
                        else
                        {
                            next = _toPrepare.Dequeue();
                            break;
                        }

                        Monitor.Wait(_gate);
                    }
                }

                var prepared = _prepare(next.Mail);
                lock (_gate)
                {
                    next.Weight = prepared.HeldBytes;
                    _held++;
                    _heldBytes += next.Weight;
                }

                if (!next.Done.TrySetResult(prepared))
                {
                    prepared.Dispose();
                }

                next = null;
            }
        }
        catch (Exception e)
        {
            // PreparedMail.Prepare keeps every failure of a message; this is a bug, reported to the writer.
            lock (_gate)
            {
                _fault = e;
                next?.Done.TrySetException(e);
                while (_toPrepare.TryDequeue(out var entry))
                {
                    entry.Done.TrySetException(e);
                }
            }
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    private sealed class Entry(IncomingMail mail)
    {
        public IncomingMail Mail { get; } = mail;

        // The waiting writer must not resume on the preparing thread, which would stop preparing.
        public TaskCompletionSource<PreparedMail> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Weight { get; set; }
    }

    private enum Wait
    {
        None,
        ForMail,
        ForRoom,
    }
}
