namespace MailTicketing.Imap.Protocol;

/// <summary>
/// A message body read straight from the connection: a read-only window onto the current
/// literal. Valid only inside the callback it was handed to; the engine skips whatever the
/// callback leaves unread, then closes the window.
/// </summary>
internal sealed class ImapLiteralStream(ImapReader reader, long length) : Stream
{
    private long _position;
    private bool _closed;

    public override bool CanRead => !_closed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        cancellationToken.ThrowIfCancellationRequested();
        var read = await reader.ReadLiteralAsync(buffer).ConfigureAwait(false);
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Synchronous readers (a sync parser) block on the same path; prefer ReadAsync.
    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        // The engine still needs the rest of the literal: disposing only ends this window.
        _closed = true;
        base.Dispose(disposing);
    }
}
