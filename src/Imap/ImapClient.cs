using MailTicketing.Imap.Protocol;

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
    // Keeps a UID set within the line lengths servers accept (RFC 7162 §4: 8192 octets).
    private const int MaxUidSetChars = 4000;
    private readonly ImapEngine _engine;
    private ImapMailboxInfo? _selected;
    private bool _disposed;

    private ImapClient(ImapEngine engine) => _engine = engine;

    public ImapCapabilities Capabilities => _engine.Capabilities;

    public ImapClientState State => _engine.IsUsable || _engine.State == ImapClientState.LoggedOut ? _engine.State : ImapClientState.Faulted;

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
    public Task AuthenticateAsync(ImapCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return RunAsync(async () =>
        {
            await ImapAuthenticator.AuthenticateAsync(_engine, credentials, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
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
        return RunSelectedAsync(async () =>
        {
            var builder = new ImapCommandBuilder("UID SEARCH").Raw(" ");
            if (query.NeedsUtf8)
            {
                builder.Raw("CHARSET UTF-8 ");
            }

            query.WriteTo(builder);
            var found = new SortedSet<uint>();
            var command = new ImapCommand(builder)
            {
                Untagged = u =>
                {
                    if (u.Is("SEARCH"))
                    {
                        foreach (var value in u.Values)
                        {
                            if (value.TryGetNumber(out var uid) && uid != 0)
                            {
                                found.Add(uid);
                            }
                        }
                    }
                },
            };
            (await _engine.ExecuteAsync(command).ConfigureAwait(false)).EnsureOk(builder.Name);
            IReadOnlyList<ImapUid> result = [.. found.Select(v => new ImapUid(v)).Where(u => query.MinimumUid is not { } min || u >= min)];
            return result;
        }, cancellationToken);
    }

    /// <summary>UID FETCH of UID, RFC822.SIZE, FLAGS and INTERNALDATE, without bodies, in the server's order.</summary>
    public Task<IReadOnlyList<ImapMessageSummary>> FetchSummariesAsync(ImapUidSet uids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uids);
        return RunSelectedAsync(async () =>
        {
            var summaries = new List<ImapMessageSummary>();
            await FetchAsync(uids, false, null, summaries.Add, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<ImapMessageSummary> result = summaries;
            return result;
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
        return RunSelectedAsync(() => FetchAsync(uids, true, onMessage, null, cancellationToken), cancellationToken);
    }

    /// <summary>UID STORE with .SILENT: changes the flags of the given messages.</summary>
    public Task StoreFlagsAsync(ImapUidSet uids, ImapStoreMode mode, IEnumerable<string> flags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uids);
        var list = FormatFlags(flags);
        return RunSelectedAsync(async () =>
        {
            await StoreAsync(uids, mode, list).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Moves messages to <paramref name="destination"/>, creating it when the server says it
    /// is missing ([TRYCREATE]). Uses MOVE when offered, else COPY + \Deleted + UID EXPUNGE.
    /// </summary>
    public Task<ImapMoveMethod> MoveAsync(ImapUidSet uids, string destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uids);
        ArgumentException.ThrowIfNullOrEmpty(destination);
        return RunSelectedAsync(async () =>
        {
            if (_engine.Capabilities.Move)
            {
                await CopyOrMoveAsync("UID MOVE", uids, destination).ConfigureAwait(false);
                return ImapMoveMethod.Move;
            }

            await CopyOrMoveAsync("UID COPY", uids, destination).ConfigureAwait(false);
            await StoreAsync(uids, ImapStoreMode.Add, "(" + ImapFlags.Deleted + ")").ConfigureAwait(false);
            if (!_engine.Capabilities.UidPlus)
            {
                return ImapMoveMethod.CopyAndMarkDeleted;
            }

            foreach (var chunk in uids.Chunks(MaxUidSetChars))
            {
                var expunge = new ImapCommandBuilder("UID EXPUNGE").Raw(" " + chunk);
                (await _engine.ExecuteAsync(new ImapCommand(expunge)).ConfigureAwait(false)).EnsureOk(expunge.Name);
            }

            return ImapMoveMethod.CopyAndExpunge;
        }, cancellationToken);
    }

    /// <summary>Creates a mailbox. Returns false when it already exists ([ALREADYEXISTS], RFC 5530).</summary>
    public Task<bool> CreateMailboxAsync(string mailbox, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailbox);
        return RunAuthenticatedAsync(() => CreateAsync(mailbox), cancellationToken);
    }

    /// <summary>Deletes a mailbox and the messages in it.</summary>
    public Task DeleteMailboxAsync(string mailbox, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailbox);
        return RunAuthenticatedAsync(async () =>
        {
            var builder = new ImapCommandBuilder("DELETE").Raw(" ").Mailbox(mailbox);
            (await _engine.ExecuteAsync(new ImapCommand(builder)).ConfigureAwait(false)).EnsureOk(builder.Name);
            return true;
        }, cancellationToken);
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

        var flagList = flags is null ? null : FormatFlags(flags);
        return RunAuthenticatedAsync(async () =>
        {
            var builder = new ImapCommandBuilder("APPEND").Raw(" ").Mailbox(mailbox);
            if (flagList is not null)
            {
                builder.Raw(" " + flagList);
            }

            if (internalDate is { } date)
            {
                builder.Raw(" ").Quoted(ImapDateTime.Format(date));
            }

            builder.Raw(" ").Literal(message, message.Length - message.Position);
            var completion = (await _engine.ExecuteAsync(new ImapCommand(builder)).ConfigureAwait(false)).EnsureOk(builder.Name);

            // RFC 4315: [APPENDUID uidvalidity uid]
            return completion.Code is { } code && code.Is("APPENDUID") && code.Arguments.Count == 2
                && ImapUid.TryParse(code.Arguments[1].AsString(), out var uid) ? uid : null;
        }, cancellationToken);
    }

    /// <summary>NOOP: lets the server report news (EXISTS, EXPUNGE) and keeps the session alive.</summary>
    public Task NoopAsync(CancellationToken cancellationToken) =>
        RunAuthenticatedAsync(async () =>
        {
            (await _engine.ExecuteAsync(new ImapCommand(new ImapCommandBuilder("NOOP"))).ConfigureAwait(false)).EnsureOk("NOOP");
            return true;
        }, cancellationToken);

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
        cancellationToken.ThrowIfCancellationRequested();
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
    public async Task LogoutAsync(CancellationToken cancellationToken)
    {
        await RunAsync(async () =>
        {
            var tag = _engine.NextTag();
            var command = new ImapCommand(new ImapCommandBuilder("LOGOUT"));
            await _engine.SendAsync(command, tag).ConfigureAwait(false);
            try
            {
                await _engine.ReadUntilTaggedAsync(command, tag).ConfigureAwait(false);
            }
            catch (ImapConnectionLostException)
            {
                // Closing right after BYE, before the tagged OK, is common and harmless here.
            }

            _engine.State = ImapClientState.LoggedOut;
            _engine.Transport.Fault("logged out");
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the connection (without LOGOUT).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            await _engine.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<ImapMailboxInfo> SelectAsync(string verb, string mailbox, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailbox);
        return await RunAuthenticatedAsync(async () =>
        {
            var builder = new ImapCommandBuilder(verb).Raw(" ").Mailbox(mailbox);
            var collector = new ImapSelectResponses();
            var command = new ImapCommand(builder) { Untagged = collector.Add };
            _engine.State = ImapClientState.Authenticated;
            var completion = (await _engine.ExecuteAsync(command).ConfigureAwait(false)).EnsureOk(verb);
            var info = collector.ToInfo(mailbox, verb == "EXAMINE" || completion.Code?.Is("READ-ONLY") == true, _engine.Exists);
            _engine.ResetMailbox(info.Exists);
            _selected = info;
            _engine.State = ImapClientState.Selected;
            return info;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> FetchAsync(ImapUidSet uids, bool withBody, Func<ImapMessageSummary, Stream, CancellationToken, ValueTask>? onMessage, Action<ImapMessageSummary>? onSummary, CancellationToken cancellationToken)
    {
        var parser = new ImapFetchParser(_engine.Reader, uids, withBody, onMessage, onSummary, cancellationToken);
        foreach (var chunk in uids.Chunks(MaxUidSetChars))
        {
            var builder = new ImapCommandBuilder("UID FETCH").Raw(" " + chunk + " " + ImapFetchParser.FormatItems(withBody));
            (await _engine.ExecuteAsync(new ImapCommand(builder) { Fetch = parser.ReadAsync }).ConfigureAwait(false)).EnsureOk(builder.Name);
        }

        return parser.Delivered;
    }

    private async Task StoreAsync(ImapUidSet uids, ImapStoreMode mode, string flagList)
    {
        var item = mode switch
        {
            ImapStoreMode.Add => "+FLAGS.SILENT",
            ImapStoreMode.Remove => "-FLAGS.SILENT",
            _ => "FLAGS.SILENT",
        };
        foreach (var chunk in uids.Chunks(MaxUidSetChars))
        {
            var builder = new ImapCommandBuilder("UID STORE").Raw($" {chunk} {item} {flagList}");
            (await _engine.ExecuteAsync(new ImapCommand(builder)).ConfigureAwait(false)).EnsureOk(builder.Name);
        }
    }

    private async Task CopyOrMoveAsync(string verb, ImapUidSet uids, string destination)
    {
        foreach (var chunk in uids.Chunks(MaxUidSetChars))
        {
            for (var attempt = 0; ; attempt++)
            {
                var builder = new ImapCommandBuilder(verb).Raw(" " + chunk + " ").Mailbox(destination);
                var completion = await _engine.ExecuteAsync(new ImapCommand(builder)).ConfigureAwait(false);

                // RFC 3501 §6.4.7: [TRYCREATE] says the destination is missing and may be created.
                if (!completion.IsOk && attempt == 0 && completion.Code?.Is("TRYCREATE") == true)
                {
                    await CreateAsync(destination).ConfigureAwait(false);
                    continue;
                }

                completion.EnsureOk(verb);
                break;
            }
        }
    }

    private async Task<bool> CreateAsync(string mailbox)
    {
        var builder = new ImapCommandBuilder("CREATE").Raw(" ").Mailbox(mailbox);
        var completion = await _engine.ExecuteAsync(new ImapCommand(builder)).ConfigureAwait(false);
        if (!completion.IsOk && completion.Code?.Is("ALREADYEXISTS") == true)
        {
            return false;
        }

        completion.EnsureOk(builder.Name);
        return true;
    }

    private static string FormatFlags(IEnumerable<string> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var list = flags.ToList();
        foreach (var flag in list)
        {
            // A flag is an atom, optionally after "\" (RFC 3501 §9 flag); anything else would
            // need quoting, which the grammar does not allow here.
            var atom = flag.StartsWith('\\') ? flag[1..] : flag;
            if (atom.Length == 0 || !ImapCommandBuilder.IsAtomSafe(atom) || atom.Contains(']'))
            {
                throw new ArgumentException($"'{flag}' is not a valid IMAP flag", nameof(flags));
            }
        }

        return "(" + string.Join(' ', list) + ")";
    }

    private Task<T> RunAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _engine.RunAsync(operation, cancellationToken);
    }

    private Task<T> RunAuthenticatedAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        if (_engine.State is not (ImapClientState.Authenticated or ImapClientState.Selected))
        {
            throw new InvalidOperationException($"log in first (the session is {State})");
        }

        return RunAsync(operation, cancellationToken);
    }

    private Task<T> RunSelectedAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        if (_engine.State != ImapClientState.Selected)
        {
            throw new InvalidOperationException($"select a mailbox first (the session is {State})");
        }

        return RunAsync(operation, cancellationToken);
    }
}
