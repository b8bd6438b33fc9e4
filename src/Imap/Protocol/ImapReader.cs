using System.Text;

namespace MailTicketing.Imap.Protocol;

/// <summary>
/// The asynchronous edge of response reading: keeps one buffer filled from the transport and
/// asks <see cref="ImapTokenizer"/> for tokens. It has two modes, like the protocol: tokens,
/// and the content of a literal, which is handed out in pieces (or read straight into the
/// caller's buffer) so that a large message never sits in memory whole.
/// </summary>
internal sealed class ImapReader(ImapTransport transport, long maxLiteral, ImapProtocolLog? log)
{
    /// <summary>Longest single token (atom, quoted string, line of text) we buffer.</summary>
    public const int MaxTokenBytes = 1024 * 1024;

    /// <summary>Literals up to this size can be read as strings; bigger ones in such places are skipped.</summary>
    public const int MaxInlineLiteral = 1024 * 1024;

    private const int InitialBufferBytes = 64 * 1024;

    // Reading straight into the caller's buffer saves a copy once the request is this big.
    private const int DirectReadThreshold = 8 * 1024;

    private byte[] _buffer = new byte[InitialBufferBytes];
    private int _start;
    private int _end;
    private long _literalRemaining;
    private Task<int>? _pending;

    public long LiteralRemaining => _literalRemaining;

    /// <summary>True when bytes the server sent are waiting in the buffer (STARTTLS must see none).</summary>
    public bool HasBufferedData => _end > _start;

    public async ValueTask<ImapToken> ReadTokenAsync()
    {
        EnsureTokenMode();
        while (true)
        {
            if (ImapTokenizer.TryRead(_buffer.AsSpan(_start, _end - _start), maxLiteral, out var token, out var consumed))
            {
                if (token.Kind == ImapTokenKind.Literal)
                {
                    LogLiteralHeader(consumed, token.LiteralLength);
                    _literalRemaining = token.LiteralLength;
                }
                else
                {
                    log?.Server(_buffer.AsSpan(_start, consumed));
                }

                _start += consumed;
                return token;
            }

            await FillAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The next byte that is not a space, without consuming it.</summary>
    public async ValueTask<byte> PeekAsync()
    {
        EnsureTokenMode();
        while (true)
        {
            while (_start < _end && _buffer[_start] == (byte)' ')
            {
                log?.Server(_buffer.AsSpan(_start, 1));
                _start++;
            }

            if (_start < _end)
            {
                return _buffer[_start];
            }

            await FillAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The rest of the line as text (resp-text), consuming the line end.</summary>
    public async ValueTask<string> ReadLineAsync()
    {
        EnsureTokenMode();
        while (true)
        {
            var end = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (end >= 0)
            {
                var line = _buffer.AsSpan(_start, end - _start);
                log?.Server(_buffer.AsSpan(_start, end + 1 - _start));
                _start = end + 1;
                return Encoding.UTF8.GetString(line.TrimEnd((byte)'\r')).Trim();
            }

            await FillAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Reads part of the current literal; 0 once it is all read.</summary>
    public async ValueTask<int> ReadLiteralAsync(Memory<byte> destination)
    {
        if (_literalRemaining == 0 || destination.IsEmpty)
        {
            return 0;
        }

        var wanted = (int)Math.Min(destination.Length, _literalRemaining);
        int count;
        if (_end > _start)
        {
            count = Math.Min(wanted, _end - _start);
            _buffer.AsMemory(_start, count).CopyTo(destination);
            _start += count;
        }
        else if (wanted >= DirectReadThreshold && _pending is null)
        {
            count = await transport.ReadAsync(destination[..wanted]).ConfigureAwait(false);
            if (count == 0)
            {
                throw LostInLiteral();
            }
        }
        else
        {
            await FillAsync().ConfigureAwait(false);
            count = Math.Min(wanted, _end - _start);
            _buffer.AsMemory(_start, count).CopyTo(destination);
            _start += count;
        }

        _literalRemaining -= count;
        return count;
    }

    /// <summary>The current literal as text, or null (and skipped) when it is longer than <see cref="MaxInlineLiteral"/>.</summary>
    public async ValueTask<string?> ReadLiteralStringAsync()
    {
        if (_literalRemaining > MaxInlineLiteral)
        {
            await SkipLiteralAsync().ConfigureAwait(false);
            return null;
        }

        var bytes = new byte[_literalRemaining];
        var read = 0;
        while (read < bytes.Length)
        {
            read += await ReadLiteralAsync(bytes.AsMemory(read)).ConfigureAwait(false);
        }

        return Encoding.UTF8.GetString(bytes);
    }

    public async ValueTask SkipLiteralAsync()
    {
        while (_literalRemaining > 0)
        {
            if (_end == _start)
            {
                await FillAsync().ConfigureAwait(false);
            }

            var count = (int)Math.Min(_literalRemaining, _end - _start);
            _start += count;
            _literalRemaining -= count;
        }
    }

    /// <summary>
    /// IDLE: true as soon as the server has sent something, false when <paramref name="wait"/>
    /// passes or <paramref name="cancellationToken"/> fires first. The read stays pending and
    /// the next token read picks it up.
    /// </summary>
    public async ValueTask<bool> WaitForDataAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (_end > _start)
        {
            return true;
        }

        Compact();
        _pending ??= transport.StartUninterruptedRead(_buffer.AsMemory(_end));
        try
        {
            await _pending.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException && !_pending.IsCompleted)
        {
            return false;
        }
        catch (Exception) when (_pending.IsCompleted)
        {
            // The read itself failed: FillAsync reports it.
            return true;
        }
    }

    private async ValueTask FillAsync()
    {
        int read;
        if (_pending is { } pending)
        {
            _pending = null;
            read = await transport.FinishUninterruptedReadAsync(pending).ConfigureAwait(false);
        }
        else
        {
            Compact();
            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= MaxTokenBytes)
                {
                    transport.Fault("response too long");
                    throw new ImapProtocolException($"a token in the server response is longer than {MaxTokenBytes:N0} bytes");
                }

                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            read = await transport.ReadAsync(_buffer.AsMemory(_end)).ConfigureAwait(false);
        }

        if (read == 0)
        {
            transport.Fault("closed by the server");
            throw _literalRemaining > 0
                ? LostInLiteral()
                : new ImapConnectionLostException(_end > _start
                    ? "the server closed the connection in the middle of a response"
                    : "the server closed the connection");
        }

        _end += read;
    }

    private void Compact()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
    }

    private ImapConnectionLostException LostInLiteral()
    {
        transport.Fault("closed in a literal");
        return new ImapConnectionLostException($"the server closed the connection in the middle of a literal ({_literalRemaining:N0} bytes missing)");
    }

    private void EnsureTokenMode()
    {
        if (_literalRemaining > 0)
        {
            throw new InvalidOperationException("a literal must be read or skipped before the next token");
        }
    }

    private void LogLiteralHeader(int consumed, long length)
    {
        if (log is null)
        {
            return;
        }

        var header = _buffer.AsSpan(_start, consumed);
        log.Server(header.TrimEnd("\r\n"u8));
        log.ServerLiteral(length);
    }
}
