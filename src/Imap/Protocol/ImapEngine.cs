using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace MailTicketing.Imap.Protocol;

/// <summary>
/// Runs commands over one connection: tags them, sends their parts (waiting for "+" before a
/// synchronizing literal), reads responses until the tagged one, and keeps the state every
/// command shares: capabilities, the selected mailbox's message count, a BYE. One command at
/// a time; no pipelining.
/// </summary>
internal sealed class ImapEngine : IAsyncDisposable
{
    private const int CopyChunk = 64 * 1024;
    private readonly TcpClient? _tcp;
    private int _tag;
    private int _busy;
    private uint _exists;

    public ImapEngine(Stream stream, ImapClientOptions options, TcpClient? tcp = null)
    {
        Options = options;
        _tcp = tcp;
        Log = options.ProtocolLog is { } sink ? new ImapProtocolLog(sink) : null;
        Transport = new ImapTransport(stream, options.CommandTimeout);
        Reader = new ImapReader(Transport, options.MaxLiteralSize, Log);
    }

    public ImapClientOptions Options { get; }

    public ImapTransport Transport { get; }

    public ImapReader Reader { get; }

    public ImapProtocolLog? Log { get; }

    public ImapCapabilities Capabilities { get; set; } = ImapCapabilities.None;

    public bool IsEncrypted { get; set; }

    public ImapClientState State { get; set; } = ImapClientState.NotAuthenticated;

    /// <summary>The message count of the selected mailbox, kept current from EXISTS and EXPUNGE.</summary>
    public uint Exists => _exists;

    /// <summary>Set when EXISTS grows or a message is expunged; IDLE and polling reset and watch it.</summary>
    public bool MailboxChanged { get; set; }

    public bool IsUsable => !Transport.Faulted;

    /// <summary>
    /// Runs one operation of the client: one at a time, under the caller's token and the
    /// inactivity timeout. Any failure except NO/BAD faults the connection, because the
    /// position in the response stream is unknown afterwards.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        if (!IsUsable)
        {
            throw new ImapConnectionLostException($"the connection is no longer usable ({Transport.FaultReason}); dispose the client and reconnect");
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (Interlocked.Exchange(ref _busy, 1) == 1)
        {
            throw new InvalidOperationException("another IMAP operation is running on this client; it does one thing at a time");
        }

        Transport.BeginOperation(cancellationToken, timeout);
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not ImapCommandException)
        {
            Transport.Fault(e is ImapException ? e.GetType().Name : "interrupted by " + e.GetType().Name);
            throw;
        }
        finally
        {
            Log?.FlushServer();
            Transport.EndOperation();
            Volatile.Write(ref _busy, 0);
        }
    }

    public async Task<ImapCompletion> ExecuteAsync(ImapCommand command)
    {
        var tag = NextTag();
        return await SendAsync(command, tag).ConfigureAwait(false)
            ?? await ReadUntilTaggedAsync(command, tag).ConfigureAwait(false);
    }

    public string NextTag() => "A" + (++_tag).ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>
    /// Sends the command. Returns the completion when the server ended the command before it
    /// was fully sent (a NO instead of "+" for a literal), else null.
    /// </summary>
    public async Task<ImapCompletion?> SendAsync(ImapCommand command, string tag)
    {
        Log?.Client(tag + " " + command.Builder.LogText);
        var output = new ArrayBufferWriter<byte>(256);
        Encoding.ASCII.GetBytes(tag + " ", output);
        foreach (var part in command.Builder.Build())
        {
            if (!part.IsLiteral)
            {
                output.Write(part.Bytes.Span);
                continue;
            }

            var nonSynchronizing = Capabilities.LiteralPlus || (Capabilities.LiteralMinus && part.Length <= 4096);
            Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{{part.Length}{(nonSynchronizing ? "+" : "")}}}\r\n"), output);
            if (!nonSynchronizing)
            {
                await FlushAsync(output).ConfigureAwait(false);
                if (await WaitForContinuationAsync(command, tag).ConfigureAwait(false) is { } early)
                {
                    return early;
                }
            }

            if (part.Content is null)
            {
                output.Write(part.Bytes.Span);
            }
            else
            {
                await FlushAsync(output).ConfigureAwait(false);
                await CopyLiteralAsync(part.Content, part.ContentLength).ConfigureAwait(false);
            }
        }

        output.Write("\r\n"u8);
        await FlushAsync(output).ConfigureAwait(false);
        return null;
    }

    public async Task<ImapCompletion> ReadUntilTaggedAsync(ImapCommand command, string tag)
    {
        while (true)
        {
            var (kind, text, completion) = await ReadResponseAsync(command, tag).ConfigureAwait(false);
            if (kind == ImapResponseKind.Tagged)
            {
                return completion!;
            }

            if (kind == ImapResponseKind.Continuation)
            {
                if (command.Continuation is null)
                {
                    throw new ImapProtocolException($"the server asked to continue {command.Name}, which has nothing more to send");
                }

                var line = await command.Continuation(text).ConfigureAwait(false);
                await SendLineAsync(line, secret: true).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends one line outside a command (a SASL answer, IDLE's DONE).</summary>
    public async Task SendLineAsync(string line, bool secret)
    {
        Log?.Client(secret ? ImapCommandBuilder.Mask : line);
        var bytes = Encoding.UTF8.GetBytes(line + "\r\n");
        await Transport.WriteAsync(bytes, flush: true).ConfigureAwait(false);
    }

    /// <summary>Reads one response. Untagged ones are handled here and reported as such.</summary>
    public async Task<(ImapResponseKind Kind, string Text, ImapCompletion? Completion)> ReadResponseAsync(ImapCommand? command, string? tag)
    {
        var token = await Reader.ReadTokenAsync().ConfigureAwait(false);
        if (token.Kind == ImapTokenKind.Asterisk)
        {
            await ReadUntaggedAsync(command).ConfigureAwait(false);
            return (ImapResponseKind.Untagged, "", null);
        }

        if (token.IsAtom("+"))
        {
            return (ImapResponseKind.Continuation, await Reader.ReadLineAsync().ConfigureAwait(false), null);
        }

        if (token.Kind == ImapTokenKind.Atom && tag is not null && string.Equals(token.Text, tag, StringComparison.OrdinalIgnoreCase))
        {
            var status = await Reader.ReadTokenAsync().ConfigureAwait(false);
            var (code, text) = await ImapResponseParser.ReadResponseTextAsync(Reader).ConfigureAwait(false);
            ApplyCode(code);
            var parsed = status.Text?.ToUpperInvariant() switch
            {
                "OK" => ImapResponseStatus.Ok,
                "NO" => ImapResponseStatus.No,
                "BAD" => ImapResponseStatus.Bad,
                _ => throw new ImapProtocolException($"the server answered {tag} with '{status}' instead of OK, NO or BAD"),
            };
            return (ImapResponseKind.Tagged, text, new ImapCompletion(parsed, code, text));
        }

        throw new ImapProtocolException($"unexpected '{token}' at the start of a server response (expected '*', '+' or {tag ?? "a greeting"})");
    }

    public async ValueTask DisposeAsync()
    {
        await Transport.DisposeAsync().ConfigureAwait(false);
        _tcp?.Dispose();
    }

    public void ResetMailbox(uint exists)
    {
        _exists = exists;
        MailboxChanged = false;
    }

    private async Task ReadUntaggedAsync(ImapCommand? command)
    {
        var first = await Reader.ReadTokenAsync().ConfigureAwait(false);
        if (first.Kind == ImapTokenKind.Atom && uint.TryParse(first.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            var name = await Reader.ReadTokenAsync().ConfigureAwait(false);
            if (name.IsAtom("FETCH") && command?.Fetch is { } fetch)
            {
                await fetch(number).ConfigureAwait(false);
                return;
            }

            var values = await ImapResponseParser.ReadValuesToEndOfLineAsync(Reader).ConfigureAwait(false);
            var untagged = new ImapUntagged(name.Text?.ToUpperInvariant() ?? name.ToString(), number, values);
            ApplyNumbered(untagged);
            command?.Untagged?.Invoke(untagged);
            return;
        }

        if (first.Kind != ImapTokenKind.Atom)
        {
            // Not a response we know how to name: read past it, literals and all.
            var skipped = await ImapResponseParser.ReadValuesToEndOfLineAsync(Reader).ConfigureAwait(false);
            command?.Untagged?.Invoke(new ImapUntagged("", null, skipped));
            return;
        }

        var word = first.Text!.ToUpperInvariant();
        if (word is "OK" or "NO" or "BAD" or "BYE" or "PREAUTH")
        {
            var (code, text) = await ImapResponseParser.ReadResponseTextAsync(Reader).ConfigureAwait(false);
            ApplyCode(code);
            if (word == "BYE")
            {
                OnBye(command, text);
            }

            command?.Untagged?.Invoke(new ImapUntagged(word, null, ImapValue.EmptyList, code, text));
            return;
        }

        var data = await ImapResponseParser.ReadValuesToEndOfLineAsync(Reader).ConfigureAwait(false);
        if (word == "CAPABILITY")
        {
            Capabilities = new ImapCapabilities(data.Select(v => v.AsString()).OfType<string>());
        }

        command?.Untagged?.Invoke(new ImapUntagged(word, null, data));
    }

    private void OnBye(ImapCommand? command, string text)
    {
        if (command?.Name == "LOGOUT")
        {
            return;
        }

        Transport.Fault("BYE");
        throw new ImapConnectionLostException($"the server closed the session: BYE {text}".TrimEnd(), text);
    }

    private void ApplyNumbered(ImapUntagged untagged)
    {
        switch (untagged.Name)
        {
            case "EXISTS":
                if (untagged.Number != _exists)
                {
                    MailboxChanged |= untagged.Number > _exists;
                    _exists = untagged.Number!.Value;
                }

                break;
            case "EXPUNGE":
                _exists = _exists > 0 ? _exists - 1 : 0;
                MailboxChanged = true;
                break;
        }
    }

    private void ApplyCode(ImapResponseCode? code)
    {
        if (code is not null && code.Is("CAPABILITY"))
        {
            Capabilities = new ImapCapabilities(code.Arguments.Select(v => v.AsString()).OfType<string>());
        }
    }

    private async Task<ImapCompletion?> WaitForContinuationAsync(ImapCommand command, string tag)
    {
        while (true)
        {
            var (kind, _, completion) = await ReadResponseAsync(command, tag).ConfigureAwait(false);
            switch (kind)
            {
                case ImapResponseKind.Continuation:
                    return null;
                case ImapResponseKind.Tagged:
                    return completion;
            }
        }
    }

    private async Task FlushAsync(ArrayBufferWriter<byte> output)
    {
        if (output.WrittenCount > 0)
        {
            await Transport.WriteAsync(output.WrittenMemory, flush: true).ConfigureAwait(false);
            output.Clear();
        }
    }

    private async Task CopyLiteralAsync(Stream content, long length)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(CopyChunk);
        try
        {
            var remaining = length;
            while (remaining > 0)
            {
                var read = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining))).ConfigureAwait(false);
                if (read == 0)
                {
                    // The server counts on exactly `length` bytes; fewer would desynchronise it.
                    throw new InvalidOperationException($"the content stream ended {remaining:N0} bytes before the length announced for the literal");
                }

                await Transport.WriteAsync(buffer.AsMemory(0, read), flush: false).ConfigureAwait(false);
                remaining -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
