using MailTicketing.Imap.Protocol;
using MailTicketing.Transport;

namespace MailTicketing.Imap;

/// <summary>
/// An IMAP4rev1 client for one connection (RFC 3501, with IDLE, MOVE, UIDPLUS, LITERAL+,
/// SASL-IR). Create it with <see cref="ConnectAsync"/>; it does one operation at a time.
/// Every operation takes a token and is bounded by <see cref="ImapClientOptions.CommandTimeout"/>.
/// An <see cref="ImapCommandException"/> (NO/BAD) leaves it usable; after any other failure
/// it is faulted: dispose it and connect again (see <see cref="ImapReconnectPolicy"/>).
/// </summary>
public sealed class ImapClient : IAsyncDisposable
{
    private readonly ImapEngine _engine;
    private ImapMailboxInfo? _selected;
    private bool _disposed;

    private ImapClient(ImapEngine engine) => _engine = engine;

    public ImapCapabilities Capabilities => _engine.Capabilities;

    public ImapClientState State => _disposed || _engine.State == ImapClientState.LoggedOut ? ImapClientState.LoggedOut
        : _engine.IsUsable ? _engine.State : ImapClientState.Faulted;

    /// <summary>True when the connection is protected by TLS (implicit or STARTTLS).</summary>
    public bool IsEncrypted => _engine.IsEncrypted;

    /// <summary>The mailbox selected last, as SELECT or EXAMINE reported it; null when none is.</summary>
    public ImapMailboxInfo? SelectedMailbox => State == ImapClientState.Selected ? _selected : null;

    /// <summary>The selected mailbox's message count, kept current from the server's EXISTS and EXPUNGE.</summary>
    public uint Exists => _engine.Exists;

    /// <summary>Connects, secures the connection as configured, reads the greeting and the capabilities.</summary>
    public static async Task<ImapClient> ConnectAsync(ImapClientOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var engine = await ImapConnector.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        return new ImapClient(engine);
    }

    /// <summary>Logs in. Throws <see cref="ImapAuthenticationException"/> when the server refuses.</summary>
    public Task AuthenticateAsync(MailCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return RunAsync(() => Done(ImapAuthenticator.AuthenticateAsync(_engine, credentials, cancellationToken)), cancellationToken);
    }

    /// <summary>Selects a mailbox for reading and writing.</summary>
    public Task<ImapMailboxInfo> SelectAsync(string mailbox, CancellationToken cancellationToken) =>
        SelectAsync("SELECT", mailbox, cancellationToken);

    /// <summary>Selects a mailbox read-only: nothing, not even \Seen, changes.</summary>
    public Task<ImapMailboxInfo> ExamineAsync(string mailbox, CancellationToken cancellationToken) =>
        SelectAsync("EXAMINE", mailbox, cancellationToken);

    /// <summary>UID SEARCH: the UIDs of the matching messages in the selected mailbox, ascending.</summary>
    public Task<IReadOnlyList<ImapUid>> SearchAsync(ImapSearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return RunSelectedAsync(() => ImapMailboxCommands.SearchAsync(_engine, query), cancellationToken);
    }

    /// <summary>UID FETCH of UID, RFC822.SIZE, FLAGS and INTERNALDATE, without bodies, in the server's order.</summary>
    public Task<IReadOnlyList<ImapMessageSummary>> FetchSummariesAsync(ImapUidSet uids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uids);
        return RunSelectedAsync<IReadOnlyList<ImapMessageSummary>>(async () =>
        {
            var summaries = new List<ImapMessageSummary>();
            await ImapMailboxCommands.FetchAsync(_engine, uids, false, null, summaries.Add, cancellationToken).ConfigureAwait(false);
            return summaries;
        }, cancellationToken);
    }

    /// <summary>
    /// UID FETCH with BODY.PEEK[] (the message is not marked \Seen). For each message,
    /// <paramref name="onMessage"/> gets its summary and its raw bytes as a stream read straight
    /// from the connection: valid only until the callback returns, so spool or parse it there.
    /// Messages that vanished meanwhile are simply not reported. Returns how many were.
    /// If the callback throws, the connection is given up (the server is still sending).
    /// </summary>
    public Task<int> FetchMessagesAsync(ImapUidSet uids, Func<ImapMessageSummary, Stream, CancellationToken, ValueTask> onMessage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uids);
        ArgumentNullException.ThrowIfNull(onMessage);
        return RunSelectedAsync(() => ImapMailboxCommands.FetchAsync(_engine, uids, true, onMessage, null, cancellationToken), cancellationToken);
    }

    /// <summary>UID STORE with .SILENT: changes the flags of the given messages.</summary>
    public Task StoreFlagsAsync(ImapUidSet uids, ImapStoreMode mode, IEnumerable<string> flags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uids);
        var list = ImapMailboxCommands.FormatFlags(flags);
        return RunSelectedAsync(() => Done(ImapMailboxCommands.StoreAsync(_engine, uids, mode, list)), cancellationToken);
    }

    /// <summary>
    /// Moves messages to <paramref name="destination"/>, creating it when the server says it
    /// is missing ([TRYCREATE]). Uses MOVE when offered, else COPY + \Deleted + UID EXPUNGE.
    /// </summary>
    public Task<ImapMoveMethod> MoveAsync(ImapUidSet uids, string destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uids);
        ArgumentException.ThrowIfNullOrEmpty(destination);
        return RunSelectedAsync(() => ImapMailboxCommands.MoveAsync(_engine, uids, destination), cancellationToken);
    }

    /// <summary>Creates a mailbox. Returns false when it already exists ([ALREADYEXISTS], RFC 5530).</summary>
    public Task<bool> CreateMailboxAsync(string mailbox, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailbox);
        return RunAuthenticatedAsync(() => ImapMailboxCommands.CreateAsync(_engine, mailbox), cancellationToken);
    }

    /// <summary>Deletes a mailbox and the messages in it.</summary>
    public Task DeleteMailboxAsync(string mailbox, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailbox);
        return RunAuthenticatedAsync(() => Done(ImapMailboxCommands.DeleteAsync(_engine, mailbox)), cancellationToken);
    }

    /// <summary>
    /// APPEND: stores a message (from the stream's position to its end; the stream must be
    /// seekable so its length is known). Returns its UID when the server reports it (UIDPLUS).
    /// </summary>
    public Task<ImapUid?> AppendAsync(string mailbox, Stream message, IEnumerable<string>? flags = null, DateTimeOffset? internalDate = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailbox);
        ArgumentNullException.ThrowIfNull(message);
        if (!message.CanSeek)
        {
            throw new ArgumentException("APPEND announces the length first: pass a seekable stream", nameof(message));
        }

        var flagList = flags is null ? null : ImapMailboxCommands.FormatFlags(flags);
        return RunAuthenticatedAsync(() => ImapMailboxCommands.AppendAsync(_engine, mailbox, message, flagList, internalDate), cancellationToken);
    }

    /// <summary>NOOP: lets the server report news (EXISTS, EXPUNGE) and keeps the session alive.</summary>
    public Task NoopAsync(CancellationToken cancellationToken) =>
        RunAuthenticatedAsync(() => Done(ImapMailboxCommands.NoopAsync(_engine)), cancellationToken);

    /// <summary>
    /// IDLE (RFC 2177) on the selected mailbox until messages arrive or are expunged, or
    /// <paramref name="maxWait"/> passes; renewed every <see cref="ImapClientOptions.IdleRenewInterval"/>.
    /// Returns at once when a change was already reported by an earlier command. Cancelling
    /// ends the IDLE with DONE, so the connection stays usable, then throws.
    /// Throws <see cref="NotSupportedException"/> when the server does not offer IDLE.
    /// </summary>
    public async Task<ImapIdleResult> IdleAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (!_engine.Capabilities.Idle)
        {
            throw new NotSupportedException("the server does not offer IDLE; use WaitForChangesAsync to poll instead");
        }

        cancellationToken.ThrowIfCancellationRequested();

        // The caller's token only ends the wait; DONE and its answer run under the timeout alone.
        var (result, cancelled) = await RunSelectedAsync(() => ImapIdle.RunAsync(_engine, maxWait, cancellationToken), CancellationToken.None).ConfigureAwait(false);
        return cancelled ? throw new OperationCanceledException(cancellationToken) : result;
    }

    /// <summary>
    /// Waits for new or expunged messages: with IDLE when offered, otherwise with a NOOP every
    /// <paramref name="pollInterval"/>. Returns when something changed or <paramref name="maxWait"/> passed.
    /// </summary>
    public async Task<ImapIdleResult> WaitForChangesAsync(TimeSpan maxWait, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        if (_engine.Capabilities.Idle)
        {
            return await IdleAsync(maxWait, cancellationToken).ConfigureAwait(false);
        }

        var deadline = DateTimeOffset.UtcNow + maxWait;
        while (true)
        {
            await NoopAsync(cancellationToken).ConfigureAwait(false);
            if (_engine.MailboxChanged)
            {
                _engine.MailboxChanged = false;
                return new ImapIdleResult(true, _engine.Exists);
            }

            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return new ImapIdleResult(false, _engine.Exists);
            }

            await Task.Delay(left < pollInterval ? left : pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>LOGOUT: ends the session politely. The client can only be disposed afterwards.</summary>
    public Task LogoutAsync(CancellationToken cancellationToken) =>
        RunAsync(() => Done(ImapMailboxCommands.LogoutAsync(_engine)), cancellationToken);

    /// <summary>Closes the connection (without LOGOUT).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            await _engine.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<bool> Done(Task task)
    {
        await task.ConfigureAwait(false);
        return true;
    }

    private Task<ImapMailboxInfo> SelectAsync(string verb, string mailbox, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailbox);
        return RunAuthenticatedAsync(async () =>
        {
            var info = await ImapMailboxCommands.SelectAsync(_engine, verb, mailbox).ConfigureAwait(false);
            _selected = info;
            return info;
        }, cancellationToken);
    }

    private Task<T> RunAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _engine.RunAsync(operation, cancellationToken);
    }

    private Task<T> RunAuthenticatedAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_engine.State is not (ImapClientState.Authenticated or ImapClientState.Selected))
        {
            throw new InvalidOperationException($"log in first (the session is {State})");
        }

        return RunAsync(operation, cancellationToken);
    }

    private Task<T> RunSelectedAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_engine.State != ImapClientState.Selected)
        {
            throw new InvalidOperationException($"select a mailbox first (the session is {State})");
        }

        return RunAsync(operation, cancellationToken);
    }
}
