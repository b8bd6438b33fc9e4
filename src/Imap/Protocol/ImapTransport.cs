using System.Net.Sockets;

namespace MailTicketing.Imap.Protocol;

/// <summary>
/// The byte stream under the engine, and the one place where I/O errors become IMAP errors.
/// Every read and write is bounded by the current operation's inactivity timeout: the timer
/// runs only while we wait on the server, so a caller that takes its time to consume a body
/// does not make the server look slow. Any failure here faults the transport for good.
/// </summary>
internal sealed class ImapTransport(Stream stream, TimeSpan defaultTimeout) : IAsyncDisposable
{
    private readonly CancellationTokenSource _lifetime = new();
    private CancellationTokenSource? _operation;
    private CancellationToken _caller;
    private readonly TimeSpan _defaultTimeout = defaultTimeout;
    private TimeSpan _timeout = defaultTimeout;

    public Stream Stream { get; private set; } = stream;

    public bool Faulted { get; private set; }

    /// <summary>Why the transport faulted, for the exception of the next call.</summary>
    public string? FaultReason { get; private set; }

    /// <summary>Starts an operation: reads and writes until <see cref="EndOperation"/> use its token and timeout.</summary>
    public void BeginOperation(CancellationToken cancellationToken, TimeSpan? operationTimeout = null)
    {
        _operation?.Dispose();
        _caller = cancellationToken;
        _operation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        _timeout = operationTimeout ?? _defaultTimeout;
    }

    public void EndOperation()
    {
        _operation?.Dispose();
        _operation = null;
        _caller = default;
        _timeout = _defaultTimeout;
    }

    /// <summary>STARTTLS: the TLS stream replaces the plain one.</summary>
    public void Replace(Stream newStream) => Stream = newStream;

    public void Fault(string reason)
    {
        if (!Faulted)
        {
            Faulted = true;
            FaultReason = reason;
        }
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer)
    {
        var token = Arm();
        try
        {
            return await Stream.ReadAsync(buffer, token).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e, "reading") is { } translated)
        {
            throw translated;
        }
        finally
        {
            Disarm();
        }
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, bool flush)
    {
        var token = Arm();
        try
        {
            await Stream.WriteAsync(buffer, token).ConfigureAwait(false);
            if (flush)
            {
                await Stream.FlushAsync(token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (Translate(e, "writing") is { } translated)
        {
            throw translated;
        }
        finally
        {
            Disarm();
        }
    }

    /// <summary>
    /// A read that no timeout or cancellation interrupts (only disposal): IDLE waits on it
    /// while a timer decides when to send DONE, because cancelling a TLS read midway can
    /// leave the TLS stream unusable.
    /// </summary>
    public Task<int> StartUninterruptedRead(Memory<byte> buffer) => Stream.ReadAsync(buffer, _lifetime.Token).AsTask();

    /// <summary>Waits for a read started by <see cref="StartUninterruptedRead"/>, now under the operation's timeout.</summary>
    public async ValueTask<int> FinishUninterruptedReadAsync(Task<int> pending)
    {
        try
        {
            return await pending.WaitAsync(_timeout, _caller).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Fault("timeout");
            throw new ImapTimeoutException($"the server did not answer within {_timeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (Translate(e, "reading") is { } translated)
        {
            throw translated;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Fault("disposed");
        await _lifetime.CancelAsync().ConfigureAwait(false);
        try
        {
            await Stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The peer may already be gone; there is nothing left to release.
        }

        _operation?.Dispose();
        _lifetime.Dispose();
    }

    private CancellationToken Arm()
    {
        if (Faulted)
        {
            throw new ImapConnectionLostException($"the connection is no longer usable ({FaultReason}); dispose the client and reconnect");
        }

        if (_operation is null)
        {
            return _lifetime.Token;
        }

        _operation.CancelAfter(_timeout);
        return _operation.Token;
    }

    private void Disarm()
    {
        try
        {
            _operation?.CancelAfter(Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The operation ended while the read was finishing.
        }
    }

    private Exception? Translate(Exception e, string doing)
    {
        switch (e)
        {
            case OperationCanceledException when _caller.IsCancellationRequested:
                Fault("cancelled");
                return new OperationCanceledException($"cancelled while {doing}; the connection is given up", e, _caller);
            case OperationCanceledException when _lifetime.IsCancellationRequested:
                Fault("disposed");
                return new ImapConnectionLostException("the client was disposed", innerException: e);
            case OperationCanceledException:
                Fault("timeout");
                return new ImapTimeoutException($"the server did not answer within {_timeout.TotalSeconds:0.#} s");
            case IOException or SocketException or ObjectDisposedException:
                Fault("connection lost");
                return new ImapConnectionLostException($"the connection failed while {doing}: {e.Message}", innerException: e);
            default:
                return null;
        }
    }
}
