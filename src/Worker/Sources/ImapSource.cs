using MailTicketing.Imap;
using MailTicketing.Tickets.Ingestion;
using MailTicketing.Tickets.Ports;
using MailTicketing.Transport;
using MailTicketing.Worker.Composition;
using MailTicketing.Worker.Configuration;
using Microsoft.Extensions.Logging;

namespace MailTicketing.Worker.Sources;

/// <summary>
/// Reads one IMAP folder into ingestion over one connection. A pass fetches every UID above the
/// checkpoint in chunks, spools the bodies, ingests them in IngestRunner's batches and saves the
/// checkpoint (UIDVALIDITY, last UID) inside each batch's transaction; only then does it flag
/// or move the committed messages, so a crash in between shows them again and dedupe skips them.
/// After any failure other than a NO/BAD the connection is dropped; the next call reconnects.
/// </summary>
public sealed class ImapSource : IAsyncDisposable
{
    /// <summary>UIDs per UID FETCH: large enough to keep the connection busy, small enough to bound the spool.</summary>
    public const int FetchChunk = 200;

    private readonly ImapMailboxOptions _options;
    private readonly string _spoolDirectory;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private ImapClient? _client;
    private ImapMailboxInfo? _selected;

    public ImapSource(string mailbox, ImapMailboxOptions options, string spoolDirectory, TimeProvider clock, ILogger logger)
    {
        Mailbox = mailbox;
        _options = options;
        _spoolDirectory = spoolDirectory;
        _clock = clock;
        _logger = logger;
        SourceName = $"imap:{options.Host}/{options.User}/{options.Folder}";
    }

    public string Mailbox { get; }

    /// <summary>The folder as a source of messages: "imap:HOST/USER/FOLDER"; also the checkpoint's key.</summary>
    public string SourceName { get; }

    /// <summary>
    /// Ingests everything above the checkpoint, until a search finds nothing new. Returns how
    /// many messages were fetched.
    /// </summary>
    public async Task<int> DrainAsync(IngestRunner runner, ITicketStore store, IngestSummary summary, CancellationToken cancellationToken)
    {
        try
        {
            var (client, selected) = await ConnectedAsync(cancellationToken);
            return await DrainSelectedAsync(client, selected, runner, store, summary, cancellationToken);
        }
        catch (Exception e) when (e is not ImapCommandException)
        {
            await DropConnectionAsync();
            throw;
        }
    }

    /// <summary>
    /// How many messages of the folder lie above the checkpoint: what a drain has still to read
    /// (right after one, the messages that failed and hold the checkpoint back, or just arrived).
    /// </summary>
    public async Task<int> CountAboveCheckpointAsync(ITicketStore store, CancellationToken cancellationToken)
    {
        try
        {
            var (client, selected) = await ConnectedAsync(cancellationToken);
            var checkpoint = await store.GetImapCheckpointAsync(SourceName, cancellationToken);
            // A checkpoint of another UIDVALIDITY covers nothing of this folder.
            var after = checkpoint is not null && checkpoint.UidValidity == (long)selected.UidValidity.Value ? (uint)checkpoint.LastUid : 0;
            // "n:*" always includes the highest UID, even below n (RFC 3501 §6.4.8): filter.
            var found = await client.SearchAsync(ImapSearchQuery.UidFrom(new ImapUid(after + 1)), cancellationToken);
            return found.Count(u => u.Value > after);
        }
        catch (Exception e) when (e is not ImapCommandException)
        {
            await DropConnectionAsync();
            throw;
        }
    }

    /// <summary>
    /// Waits for new mail: IDLE when the server offers it and <see cref="ImapMailboxOptions.UseIdle"/>
    /// is on, else NOOP every <paramref name="pollInterval"/>. Returns after at most <paramref name="maxWait"/>.
    /// </summary>
    public async Task WaitForChangesAsync(TimeSpan maxWait, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        try
        {
            var (client, _) = await ConnectedAsync(cancellationToken);
            if (_options.UseIdle)
            {
                await client.WaitForChangesAsync(maxWait, pollInterval, cancellationToken);
            }
            else
            {
                await Task.Delay(pollInterval < maxWait ? pollInterval : maxWait, _clock, cancellationToken);
            }
        }
        catch (Exception e) when (e is not ImapCommandException)
        {
            await DropConnectionAsync();
            throw;
        }
    }

    /// <summary>Logs out politely when connected; never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_client is { } client)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.LogoutAsync(timeout.Token);
            }
            catch (Exception e) when (e is ImapException or IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
            {
                // The connection is going away either way.
            }
        }

        await DropConnectionAsync();
    }

    internal ImapClientOptions ClientOptions() => new()
    {
        Host = _options.Host,
        Port = _options.EffectivePort,
        Security = _options.Security,
        CaCertificateFile = string.IsNullOrEmpty(_options.CaFile) ? null : _options.CaFile,
        PinnedCertificates = _options.PinnedCertificates,
        // The validator allows Security None only for a loopback host.
        AllowAuthenticationWithoutTls = _options.Security == ImapSecurity.None,
        CommandTimeout = _options.CommandTimeout,
    };

    private MailCredentials Credentials()
    {
        if (!string.IsNullOrEmpty(_options.AccessTokenVariable))
        {
            return MailCredentials.FromAccessToken(_options.User, new EnvironmentAccessTokenProvider(_options.AccessTokenVariable));
        }

        var variable = _options.PasswordVariable ?? "";
        return Environment.GetEnvironmentVariable(variable) is { Length: > 0 } password
            ? MailCredentials.FromPassword(_options.User, password)
            : throw new InvalidOperationException($"{Mailbox}: the environment variable {variable} holding the IMAP password is not set.");
    }

    private async Task<(ImapClient Client, ImapMailboxInfo Selected)> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { State: ImapClientState.Selected } current && _selected is not null)
        {
            // A connection kept from an earlier poll: NOOP lets the server announce what arrived
            // since (RFC 3501 §6.1.2), so the SEARCH that follows sees it, and finds a dead
            // connection before real work does.
            try
            {
                await current.NoopAsync(cancellationToken);
                return (current, _selected);
            }
            catch (Exception e) when (e is not (ImapCommandException or OperationCanceledException))
            {
                // Closed while unused (the server's idle timeout): connect again below.
            }
        }

        await DropConnectionAsync();
        var client = await ImapClient.ConnectAsync(ClientOptions(), cancellationToken);
        try
        {
            await client.AuthenticateAsync(Credentials(), cancellationToken);
            var selected = await client.SelectAsync(_options.Folder, cancellationToken);
            (_client, _selected) = (client, selected);
            ImapLog.Connected(_logger, Mailbox, SourceName, selected.UidValidity.Value, selected.Exists);
            return (client, selected);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    private async Task DropConnectionAsync()
    {
        var client = _client;
        (_client, _selected) = (null, null);
        if (client is not null)
        {
            await client.DisposeAsync();
        }
    }

    private async Task<int> DrainSelectedAsync(ImapClient client, ImapMailboxInfo selected, IngestRunner runner, ITicketStore store, IngestSummary summary, CancellationToken cancellationToken)
    {
        var validity = (long)selected.UidValidity.Value;
        var checkpoint = await store.GetImapCheckpointAsync(SourceName, cancellationToken);
        if (checkpoint is not null && checkpoint.UidValidity != validity)
        {
            checkpoint = await RestartAsync(store, checkpoint, validity, cancellationToken);
        }

        var pass = new Pass(this, validity, checkpoint?.LastUid ?? 0);
        var fetched = 0;
        var after = (uint)pass.StartUid;
        while (true)
        {
            var found = await client.SearchAsync(ImapSearchQuery.UidFrom(new ImapUid(after + 1)), cancellationToken);
            var uids = found.Where(u => u.Value > after).ToList();
            if (uids.Count == 0)
            {
                break;
            }

            foreach (var chunk in uids.Chunk(FetchChunk))
            {
                fetched += await RunChunkAsync(client, pass, ImapUidSet.Of(chunk), runner, summary, cancellationToken);
            }

            after = uids[^1].Value;
        }

        if (pass.Held)
        {
            ImapLog.CheckpointHeld(_logger, Mailbox, SourceName, pass.CommittedUid);
        }

        if (fetched > 0)
        {
            ImapLog.Drained(_logger, Mailbox, SourceName, fetched, pass.CommittedUid);
        }

        return fetched;
    }

    /// <summary>
    /// A new UIDVALIDITY: the remembered UIDs name nothing any more (RFC 3501 §2.3.1.1). Start
    /// again at UID 1; the deliveries already recorded (same bytes, same Message-ID) make every
    /// message seen before a duplicate, so nothing becomes a second ticket and nothing is skipped.
    /// </summary>
    private async Task<ImapCheckpoint> RestartAsync(ITicketStore store, ImapCheckpoint old, long validity, CancellationToken cancellationToken)
    {
        ImapLog.UidValidityChanged(_logger, Mailbox, SourceName, old.UidValidity, validity);
        var now = _clock.GetUtcNow();
        var restarted = old with
        {
            UidValidity = validity,
            LastUid = 0,
            UpdatedAt = now,
            PreviousUidValidity = old.UidValidity,
            UidValidityChangedAt = now,
            Rescans = old.Rescans + 1,
        };
        await using var session = await store.BeginAsync(cancellationToken);
        await session.SaveImapCheckpointAsync(restarted);
        await session.CommitAsync();
        return restarted;
    }

    private async Task<int> RunChunkAsync(ImapClient client, Pass pass, ImapUidSet uids, IngestRunner runner, IngestSummary summary, CancellationToken cancellationToken)
    {
        var spooled = new List<ImapSpooledMessage>();
        List<IncomingMail> mails = [];
        try
        {
            await client.FetchMessagesAsync(
                uids,
                async (message, body, ct) => spooled.Add(await ImapSpooledMessage.SpoolAsync(message, body, _spoolDirectory, ct)),
                cancellationToken);
            spooled.Sort((a, b) => a.Uid.CompareTo(b.Uid));
            mails = spooled.Select(pass.Add).ToList();
            var committed = new List<ImapUid>();
            var hooks = new IngestHooks
            {
                BeforeCommit = pass.SaveCheckpointAsync,
                Committed = (mail, _) => committed.Add(pass.UidOf(mail)),
            };
            await runner.RunAsync(mails, summary, afterEach: null, hooks, cancellationToken);
            pass.Held |= committed.Count < mails.Count;
            await ApplyProcessedActionAsync(client, committed, cancellationToken);
            return spooled.Count;
        }
        finally
        {
            pass.Forget(mails);
            foreach (var message in spooled)
            {
                message.Dispose();
            }
        }
    }

    private async Task ApplyProcessedActionAsync(ImapClient client, List<ImapUid> committed, CancellationToken cancellationToken)
    {
        if (committed.Count == 0 || _options.Processed == ImapProcessedAction.Leave)
        {
            return;
        }

        try
        {
            var set = ImapUidSet.Of(committed);
            if (_options.Processed == ImapProcessedAction.Move)
            {
                await client.MoveAsync(set, _options.ProcessedFolder!, cancellationToken);
            }
            else
            {
                await client.StoreFlagsAsync(set, ImapStoreMode.Add, [_options.ProcessedFlag], cancellationToken);
            }
        }
        catch (ImapCommandException e)
        {
            // A NO (read-only folder, quota) leaves the messages where they are; the checkpoint
            // already covers them, and a rescan would find them recorded.
            ImapLog.ProcessedActionFailed(_logger, e, Mailbox, _options.Processed.ToString(), committed.Count);
        }
    }

    /// <summary>
    /// One pass over the folder. The checkpoint may move past a message only once every message
    /// before it in this pass is committed: a message whose ingestion failed holds it back, so
    /// the next pass fetches that message again (the ones after it are recognised as done).
    /// </summary>
    private sealed class Pass(ImapSource source, long uidValidity, long startUid)
    {
        // Per message: its UID and the UID of the message fetched before it in this pass.
        private readonly Dictionary<string, (uint Uid, long Previous)> _messages = new(StringComparer.Ordinal);
        private long _lastAdded = startUid;

        public long StartUid { get; } = startUid;

        public long CommittedUid { get; private set; } = startUid;

        public bool Held { get; set; }

        public IncomingMail Add(ImapSpooledMessage message)
        {
            var key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{uidValidity}:{message.Uid.Value}");
            _messages[key] = (message.Uid.Value, _lastAdded);
            _lastAdded = message.Uid.Value;
            return new IncomingMail(source.Mailbox, source.SourceName, key, message.Open);
        }

        public ImapUid UidOf(IncomingMail mail) => new(_messages[mail.SourceKey].Uid);

        /// <summary>
        /// Drops a finished chunk's messages, so a pass over a folder of any size holds one chunk:
        /// the next chunk's first message carries its own previous UID.
        /// </summary>
        public void Forget(IEnumerable<IncomingMail> chunk)
        {
            foreach (var mail in chunk)
            {
                _messages.Remove(mail.SourceKey);
            }
        }

        /// <summary>Runs in the batch's transaction: advances the checkpoint when the batch continues the committed run.</summary>
        public async Task SaveCheckpointAsync(ITicketSession session, IReadOnlyList<IncomingMail> mails)
        {
            var first = _messages[mails[0].SourceKey];
            var last = mails.Max(m => (long)_messages[m.SourceKey].Uid);
            var current = await session.GetImapCheckpointAsync(source.SourceName);
            var committed = current is null ? 0 : current.UidValidity == uidValidity ? current.LastUid : -1;
            if (committed < first.Previous || last <= committed)
            {
                return;
            }

            var now = source._clock.GetUtcNow();
            await session.SaveImapCheckpointAsync(current is null
                ? new ImapCheckpoint(source.SourceName, source.Mailbox, uidValidity, last, now)
                : current with { LastUid = last, UpdatedAt = now });
            // For the log only: the database holds the truth (a failed commit leaves it unchanged).
            CommittedUid = Math.Max(CommittedUid, last);
        }
    }
}
