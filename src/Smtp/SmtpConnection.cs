using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using MailTicketing.Transport;

namespace MailTicketing.Smtp;

/// <summary>
/// The transport under <see cref="SmtpClient"/>: a socket, optionally TLS, a read buffer that
/// replies are parsed from, command writing with the protocol log, and timeouts. Every I/O
/// failure leaves here as <see cref="SmtpProtocolException"/> and marks the connection broken.
/// </summary>
internal sealed class SmtpConnection : IAsyncDisposable
{
    private const int MaxBuffer = 64 * 1024;

    private readonly TcpClient _tcp;
    private readonly Action<string>? _log;
    private Stream _stream;
    private byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    private SmtpConnection(TcpClient tcp, Stream stream, Action<string>? log)
    {
        _tcp = tcp;
        _stream = stream;
        _log = log;
    }

    public bool IsEncrypted => _stream is SslStream;

    public bool IsBroken { get; private set; }

    public IPEndPoint? LocalEndPoint => _tcp.Client.LocalEndPoint as IPEndPoint;

    public static async Task<SmtpConnection> OpenAsync(SmtpClientOptions options, CertificateTrust trust, CancellationToken cancellationToken)
    {
        TcpClient tcp;
        using (var timeout = Linked(options.ConnectTimeout, cancellationToken))
        {
            try
            {
                tcp = await SecureChannel.ConnectTcpAsync(options.Host, options.Port, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new SmtpProtocolException($"connecting to {options.Host}:{options.Port} timed out after {options.ConnectTimeout}");
            }
            catch (SocketException e)
            {
                throw new SmtpProtocolException($"cannot connect to {options.Host}:{options.Port}: {e.Message}", e);
            }
        }

        SmtpConnection? connection = null;
        try
        {
            connection = new SmtpConnection(tcp, tcp.GetStream(), options.ProtocolLog);
            if (options.Security == SmtpSecurity.ImplicitTls)
            {
                await connection.StartTlsAsync(options, trust, cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                tcp.Dispose();
            }

            throw;
        }
    }

    public async Task StartTlsAsync(SmtpClientOptions options, CertificateTrust trust, CancellationToken cancellationToken)
    {
        // Bytes that arrived before the handshake were sent in plain text by someone who may
        // not be the server (RFC 3207 §6, the STARTTLS command injection): never read them as
        // if they came over TLS.
        if (_start != _end)
        {
            throw Broken(new SmtpProtocolException("the server sent data after its STARTTLS reply, before the TLS handshake"));
        }

        using var timeout = Linked(options.ConnectTimeout, cancellationToken);
        SslStream ssl;
        try
        {
            ssl = await SecureChannel.AuthenticateAsClientAsync(_stream, options.Host, options.Port, trust, timeout.Token).ConfigureAwait(false);
        }
        catch (TransportSecurityException e)
        {
            IsBroken = true;
            throw new SmtpSecurityException(e.Message, e);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            throw Translate(e, "TLS handshake", cancellationToken);
        }

        _stream = ssl;
        Log($"(TLS {ssl.SslProtocol}, {ssl.NegotiatedCipherSuite})");
    }

    /// <summary>Sends one command line. <paramref name="logAs"/> replaces it in the log (AUTH secrets).</summary>
    public Task WriteCommandAsync(string command, TimeSpan timeout, CancellationToken cancellationToken, string? logAs = null) =>
        WriteCommandsAsync([command], timeout, cancellationToken, logAs is null ? null : [logAs]);

    /// <summary>Sends several command lines in one write (PIPELINING, RFC 2920).</summary>
    public async Task WriteCommandsAsync(IReadOnlyList<string> commands, TimeSpan timeout, CancellationToken cancellationToken, IReadOnlyList<string>? logAs = null)
    {
        var length = 0;
        foreach (var command in commands)
        {
            if (command.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw new ArgumentException("an SMTP command cannot contain a line break", nameof(commands));
            }

            length += Encoding.UTF8.GetByteCount(command) + 2;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = 0;
            for (var i = 0; i < commands.Count; i++)
            {
                Log("C: " + (logAs?[i] ?? commands[i]));
                written += Encoding.UTF8.GetBytes(commands[i], bytes.AsSpan(written));
                bytes[written++] = (byte)'\r';
                bytes[written++] = (byte)'\n';
            }

            await WriteAsync(bytes.AsMemory(0, written), timeout, flush: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    public async Task WriteAsync(ReadOnlyMemory<byte> data, TimeSpan timeout, bool flush, CancellationToken cancellationToken)
    {
        ThrowIfBroken();
        using var cts = Linked(timeout, cancellationToken);
        try
        {
            await _stream.WriteAsync(data, cts.Token).ConfigureAwait(false);
            if (flush)
            {
                await _stream.FlushAsync(cts.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            throw Translate(e, "writing", cancellationToken);
        }
    }

    public async Task<SmtpReply> ReadReplyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        ThrowIfBroken();
        using var cts = Linked(timeout, cancellationToken);
        while (true)
        {
            SmtpReply? reply;
            int consumed;
            try
            {
                if (SmtpReplyParser.TryParse(_buffer.AsSpan(_start, _end - _start), out reply, out consumed))
                {
                    _start += consumed;
                    LogReply(reply!);
                    return reply!;
                }
            }
            catch (SmtpProtocolException e)
            {
                throw Broken(e);
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= MaxBuffer)
                {
                    throw Broken(new SmtpProtocolException($"reply longer than {MaxBuffer} bytes"));
                }

                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            int read;
            try
            {
                read = await _stream.ReadAsync(_buffer.AsMemory(_end), cts.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                throw Translate(e, "waiting for a reply", cancellationToken);
            }

            if (read == 0)
            {
                throw Broken(new SmtpProtocolException("the server closed the connection"));
            }

            _end += read;
        }
    }

    public void Log(string line) => _log?.Invoke(line);

    /// <summary>Marks the connection unusable, e.g. after a cancellation left a command half done.</summary>
    public void MarkBroken() => IsBroken = true;

    public async ValueTask DisposeAsync()
    {
        IsBroken = true;
        try
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Closing a connection the server already dropped; nothing left to release.
        }

        _tcp.Dispose();
    }

    private void LogReply(SmtpReply reply)
    {
        if (_log is null)
        {
            return;
        }

        foreach (var line in reply.Lines)
        {
            _log("S: " + reply.Code + " " + (reply.EnhancedStatus is null ? "" : reply.EnhancedStatus + " ") + line);
        }
    }

    private void ThrowIfBroken()
    {
        if (IsBroken)
        {
            throw new SmtpProtocolException("the connection is no longer usable; connect again");
        }
    }

    private SmtpProtocolException Broken(SmtpProtocolException e)
    {
        IsBroken = true;
        return e;
    }

    // Cancellation by the caller stays an OperationCanceledException; our own timeout and
    // every I/O error become a protocol exception. Either way the connection is finished.
    private Exception Translate(Exception e, string doing, CancellationToken callerToken)
    {
        IsBroken = true;
        if (e is OperationCanceledException)
        {
            return callerToken.IsCancellationRequested ? e : new SmtpProtocolException($"timed out {doing}", e);
        }

        return new SmtpProtocolException($"connection lost while {doing}: {e.Message}", e);
    }

    private static CancellationTokenSource Linked(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        return cts;
    }
}
