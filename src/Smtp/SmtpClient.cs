using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MailTicketing.Transport;

namespace MailTicketing.Smtp;

/// <summary>
/// An SMTP submission client (RFC 5321, RFC 6409): connect with <see cref="ConnectAsync"/>
/// (greeting, EHLO, STARTTLS, AUTH), then <see cref="SendAsync"/> any number of messages,
/// then <see cref="QuitAsync"/>. One operation at a time. Refusals of single recipients
/// come back in the <see cref="SmtpSendResult"/>; failures of the session are
/// <see cref="SmtpException"/>s, after which the client is unusable.
/// </summary>
public sealed class SmtpClient : IAsyncDisposable
{
    private const int ChunkSize = 16 * 1024;

    private readonly SmtpConnection _connection;
    private readonly SmtpClientOptions _options;

    private SmtpClient(SmtpConnection connection, SmtpClientOptions options)
    {
        _connection = connection;
        _options = options;
    }

    public SmtpCapabilities Capabilities { get; private set; } = SmtpCapabilities.None;

    public bool IsEncrypted => _connection.IsEncrypted;

    public bool IsAuthenticated { get; private set; }

    /// <summary>False once the connection failed, was cancelled mid-command, or was closed.</summary>
    public bool IsConnected => !_connection.IsBroken;

    public static async Task<SmtpClient> ConnectAsync(SmtpClientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Credentials is not null && options.Security == SmtpSecurity.None && !options.AllowAuthenticationWithoutTls)
        {
            throw new SmtpSecurityException("refusing to send credentials over a connection without TLS (set AllowAuthenticationWithoutTls to allow it)");
        }

        var trust = CreateTrust(options);
        var connection = await SmtpConnection.OpenAsync(options, trust, cancellationToken).ConfigureAwait(false);
        var client = new SmtpClient(connection, options);
        try
        {
            await client.HandshakeAsync(trust, cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Sends one message, streamed from <paramref name="message"/> (from its current position)
    /// and dot-stuffed on the way; it is never held in memory whole.
    /// </summary>
    public async Task<SmtpSendResult> SendAsync(SmtpEnvelope envelope, Stream message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(message);
        var transaction = SmtpTransaction.Prepare(envelope, message, Capabilities);
        if (transaction.RefusedLocally is { } refusal)
        {
            _connection.Log("(not sent: " + refusal + ")");
            return transaction.AllFailWith(refusal);
        }

        return await RunAsync(async token =>
        {
            var commands = transaction.Commands;
            var replies = new SmtpReply[commands.Count];
            if (Capabilities.Pipelining)
            {
                await _connection.WriteCommandsAsync(commands, _options.CommandTimeout, token).ConfigureAwait(false);
                for (var i = 0; i < replies.Length; i++)
                {
                    replies[i] = ThrowIfClosing(commands[i], await _connection.ReadReplyAsync(_options.CommandTimeout, token).ConfigureAwait(false));
                }
            }
            else
            {
                for (var i = 0; i < replies.Length; i++)
                {
                    replies[i] = await CommandAsync(commands[i], token).ConfigureAwait(false);
                    if (i == 0 && !replies[0].IsPositive)
                    {
                        break; // RCPT after a refused MAIL would only earn 503s
                    }
                }
            }

            if (!transaction.RecordEnvelopeReplies(replies))
            {
                if (replies[0].IsPositive)
                {
                    await ResetCoreAsync(token).ConfigureAwait(false); // MAIL is open with no recipient
                }

                return transaction.Result();
            }

            var data = await CommandAsync("DATA", token).ConfigureAwait(false);
            if (data.Code != 354)
            {
                if (data.IsPositive)
                {
                    throw new SmtpProtocolException("unexpected reply to DATA: " + data);
                }

                await ResetCoreAsync(token).ConfigureAwait(false);
                return transaction.RecordDataReply(data);
            }

            var bytes = await WriteBodyAsync(message, token).ConfigureAwait(false);
            _connection.Log($"C: (message, {bytes} bytes, and the final \".\")");
            var final = ThrowIfClosing("end of DATA", await _connection.ReadReplyAsync(_options.DataTimeout, token).ConfigureAwait(false));
            return transaction.RecordDataReply(final);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>RSET: abandons a transaction (RFC 5321 §4.1.1.5).</summary>
    public Task<SmtpReply> ResetAsync(CancellationToken cancellationToken = default) =>
        RunAsync(ResetCoreAsync, cancellationToken);

    public Task<SmtpReply> NoopAsync(CancellationToken cancellationToken = default) =>
        RunAsync(token => CommandAsync("NOOP", token), cancellationToken);

    /// <summary>QUIT and close. A server that is already gone is not an error here.</summary>
    public async Task QuitAsync(CancellationToken cancellationToken = default)
    {
        if (!_connection.IsBroken)
        {
            try
            {
                await _connection.WriteCommandAsync("QUIT", _options.CommandTimeout, cancellationToken).ConfigureAwait(false);
                await _connection.ReadReplyAsync(_options.CommandTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (SmtpProtocolException)
            {
                // The session is over either way.
            }
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private static CertificateTrust CreateTrust(SmtpClientOptions options)
    {
        try
        {
            return CertificateTrust.Create(options.CaCertificateFile, options.PinnedCertificates);
        }
        catch (TransportSecurityException e)
        {
            throw new SmtpSecurityException(e.Message, e);
        }
    }

    private async Task HandshakeAsync(CertificateTrust trust, CancellationToken cancellationToken)
    {
        var greeting = await _connection.ReadReplyAsync(_options.CommandTimeout, cancellationToken).ConfigureAwait(false);
        if (greeting.Code != 220)
        {
            throw new SmtpCommandException("greeting", greeting);
        }

        await HelloAsync(cancellationToken).ConfigureAwait(false);
        if (_options.Security == SmtpSecurity.StartTls)
        {
            if (!Capabilities.StartTls)
            {
                throw new SmtpSecurityException($"{_options.Host}:{_options.Port} does not offer STARTTLS");
            }

            var reply = await CommandAsync("STARTTLS", cancellationToken).ConfigureAwait(false);
            if (reply.Code != 220)
            {
                throw new SmtpCommandException("STARTTLS", reply);
            }

            await _connection.StartTlsAsync(_options, trust, cancellationToken).ConfigureAwait(false);
            // RFC 3207 §4.2: forget what was learned before TLS and ask again.
            await HelloAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_options.Credentials is { } credentials)
        {
            await SmtpAuthenticator.AuthenticateAsync(_connection, Capabilities, credentials, _options, cancellationToken).ConfigureAwait(false);
            IsAuthenticated = true;
        }
    }

    private async Task HelloAsync(CancellationToken cancellationToken)
    {
        var name = _options.ClientName ?? AddressLiteral(_connection.LocalEndPoint);
        var ehlo = await CommandAsync("EHLO " + name, cancellationToken).ConfigureAwait(false);
        if (ehlo.Code == 250)
        {
            Capabilities = SmtpCapabilities.Parse(ehlo);
            return;
        }

        // An old server that does not know EHLO (RFC 5321 §3.2): HELO, and no extensions.
        var helo = ehlo.IsPermanent ? await CommandAsync("HELO " + name, cancellationToken).ConfigureAwait(false) : ehlo;
        if (helo.Code != 250)
        {
            throw new SmtpCommandException("EHLO", helo);
        }

        Capabilities = SmtpCapabilities.None;
    }

    private async Task<SmtpReply> ResetCoreAsync(CancellationToken cancellationToken)
    {
        var reply = await CommandAsync("RSET", cancellationToken).ConfigureAwait(false);
        return reply.Code == 250 ? reply : throw new SmtpCommandException("RSET", reply);
    }

    private async Task<SmtpReply> CommandAsync(string command, CancellationToken cancellationToken)
    {
        await _connection.WriteCommandAsync(command, _options.CommandTimeout, cancellationToken).ConfigureAwait(false);
        return ThrowIfClosing(command, await _connection.ReadReplyAsync(_options.CommandTimeout, cancellationToken).ConfigureAwait(false));
    }

    // 421: the server is closing the connection (RFC 5321 §3.8), whatever command it answers.
    private SmtpReply ThrowIfClosing(string command, SmtpReply reply)
    {
        if (reply.Code == 421)
        {
            _connection.MarkBroken();
            var verb = command.Split(' ', 2)[0];
            throw new SmtpCommandException(verb, reply);
        }

        return reply;
    }

    private async Task<long> WriteBodyAsync(Stream message, CancellationToken cancellationToken)
    {
        var stuffer = new DotStuffer();
        var input = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var output = ArrayPool<byte>.Shared.Rent(ChunkSize * DotStuffer.MaxExpansion + DotStuffer.MaxTrailer);
        long total = 0;
        try
        {
            int read;
            while ((read = await message.ReadAsync(input.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                var offset = 0;
                while (offset < read)
                {
                    stuffer.Transform(input.AsSpan(offset, read - offset), output, out var consumed, out var written);
                    offset += consumed;
                    await _connection.WriteAsync(output.AsMemory(0, written), _options.CommandTimeout, flush: false, cancellationToken).ConfigureAwait(false);
                }
            }

            var end = stuffer.Finish(output);
            await _connection.WriteAsync(output.AsMemory(0, end), _options.CommandTimeout, flush: true, cancellationToken).ConfigureAwait(false);
            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
            ArrayPool<byte>.Shared.Return(output);
        }
    }

    // A cancelled or failed operation (a lost connection, a message stream that threw in the
    // middle of DATA) leaves the dialogue at an unknown point: the connection cannot be
    // reused. Only a plain refusal by the server leaves it in a known state.
    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        if (_connection.IsBroken)
        {
            throw new SmtpProtocolException("the connection is no longer usable; connect again");
        }

        try
        {
            return await operation(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not SmtpCommandException { Reply.Code: not 421 })
        {
            _connection.MarkBroken();
            throw;
        }
    }

    private static string AddressLiteral(IPEndPoint? local) => local?.Address switch
    {
        null => "[127.0.0.1]",
        { AddressFamily: AddressFamily.InterNetworkV6 } address when address.IsIPv4MappedToIPv6 => $"[{address.MapToIPv4()}]",
        { AddressFamily: AddressFamily.InterNetworkV6 } address => $"[IPv6:{new IPAddress(address.GetAddressBytes())}]",
        var address => $"[{address}]",
    };
}
