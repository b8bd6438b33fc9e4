namespace MailTicketing.Imap.Protocol;

/// <summary>
/// The commands behind <see cref="ImapClient"/>'s mailbox operations: how each is written and
/// what its responses mean. The client adds state checks and the one-at-a-time run.
/// </summary>
internal static class ImapMailboxCommands
{
    // Keeps a UID set within the line lengths servers accept (RFC 7162 §4: 8192 octets).
    private const int MaxUidSetChars = 4000;

    public static async Task<ImapMailboxInfo> SelectAsync(ImapEngine engine, string verb, string mailbox)
    {
        var builder = new ImapCommandBuilder(verb).Raw(" ").Mailbox(mailbox);
        var collector = new ImapSelectResponses();

        // RFC 3501 §6.3.1: while SELECT runs, and after it fails, no mailbox is selected.
        engine.State = ImapClientState.Authenticated;
        var completion = (await engine.ExecuteAsync(new ImapCommand(builder) { Untagged = collector.Add }).ConfigureAwait(false)).EnsureOk(verb);
        var info = collector.ToInfo(mailbox, verb == "EXAMINE" || completion.Code?.Is("READ-ONLY") == true, engine.Exists);
        engine.ResetMailbox(info.Exists);
        engine.State = ImapClientState.Selected;
        return info;
    }

    public static async Task<IReadOnlyList<ImapUid>> SearchAsync(ImapEngine engine, ImapSearchQuery query)
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
        (await engine.ExecuteAsync(command).ConfigureAwait(false)).EnsureOk(builder.Name);
        return [.. found.Select(v => new ImapUid(v)).Where(u => query.MinimumUid is not { } min || u >= min)];
    }

    public static async Task<int> FetchAsync(
        ImapEngine engine,
        ImapUidSet uids,
        bool withBody,
        Func<ImapMessageSummary, Stream, CancellationToken, ValueTask>? onMessage,
        Action<ImapMessageSummary>? onSummary,
        CancellationToken cancellationToken)
    {
        var parser = new ImapFetchParser(engine.Reader, uids, withBody, onMessage, onSummary, cancellationToken);
        foreach (var chunk in uids.Chunks(MaxUidSetChars))
        {
            var builder = new ImapCommandBuilder("UID FETCH").Raw(" " + chunk + " " + ImapFetchParser.FormatItems(withBody));
            var completion = await engine.ExecuteAsync(new ImapCommand(builder) { Fetch = parser.ReadAsync }).ConfigureAwait(false);

            // RFC 5530 EXPUNGEISSUED: another session expunged some of the messages; the
            // others were sent. Gone messages are simply not reported, as with UID FETCH of
            // UIDs that no longer exist.
            if (completion.Status != ImapResponseStatus.No || completion.Code?.Is("EXPUNGEISSUED") != true)
            {
                completion.EnsureOk(builder.Name);
            }
        }

        return parser.Delivered;
    }

    public static async Task StoreAsync(ImapEngine engine, ImapUidSet uids, ImapStoreMode mode, string flagList)
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
            (await engine.ExecuteAsync(new ImapCommand(builder)).ConfigureAwait(false)).EnsureOk(builder.Name);
        }
    }

    public static async Task<ImapMoveMethod> MoveAsync(ImapEngine engine, ImapUidSet uids, string destination)
    {
        if (engine.Capabilities.Move)
        {
            await CopyOrMoveAsync(engine, "UID MOVE", uids, destination).ConfigureAwait(false);
            return ImapMoveMethod.Move;
        }

        await CopyOrMoveAsync(engine, "UID COPY", uids, destination).ConfigureAwait(false);
        await StoreAsync(engine, uids, ImapStoreMode.Add, "(" + ImapFlags.Deleted + ")").ConfigureAwait(false);
        if (!engine.Capabilities.UidPlus)
        {
            return ImapMoveMethod.CopyAndMarkDeleted;
        }

        // RFC 4315 §2.1: UID EXPUNGE removes only these UIDs, not every \Deleted message.
        foreach (var chunk in uids.Chunks(MaxUidSetChars))
        {
            var expunge = new ImapCommandBuilder("UID EXPUNGE").Raw(" " + chunk);
            (await engine.ExecuteAsync(new ImapCommand(expunge)).ConfigureAwait(false)).EnsureOk(expunge.Name);
        }

        return ImapMoveMethod.CopyAndExpunge;
    }

    public static async Task<bool> CreateAsync(ImapEngine engine, string mailbox)
    {
        var builder = new ImapCommandBuilder("CREATE").Raw(" ").Mailbox(mailbox);
        var completion = await engine.ExecuteAsync(new ImapCommand(builder)).ConfigureAwait(false);
        if (!completion.IsOk && completion.Code?.Is("ALREADYEXISTS") == true)
        {
            return false;
        }

        completion.EnsureOk(builder.Name);
        return true;
    }

    public static async Task DeleteAsync(ImapEngine engine, string mailbox)
    {
        var builder = new ImapCommandBuilder("DELETE").Raw(" ").Mailbox(mailbox);
        (await engine.ExecuteAsync(new ImapCommand(builder)).ConfigureAwait(false)).EnsureOk(builder.Name);
    }

    public static async Task<ImapUid?> AppendAsync(ImapEngine engine, string mailbox, Stream message, string? flagList, DateTimeOffset? internalDate)
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
        var completion = (await engine.ExecuteAsync(new ImapCommand(builder)).ConfigureAwait(false)).EnsureOk(builder.Name);

        // RFC 4315 §3: [APPENDUID uidvalidity uid]
        return completion.Code is { } code && code.Is("APPENDUID") && code.Arguments.Count == 2
            && ImapUid.TryParse(code.Arguments[1].AsString(), out var uid) ? uid : null;
    }

    public static async Task NoopAsync(ImapEngine engine) =>
        (await engine.ExecuteAsync(new ImapCommand(new ImapCommandBuilder("NOOP"))).ConfigureAwait(false)).EnsureOk("NOOP");

    public static async Task LogoutAsync(ImapEngine engine)
    {
        var tag = engine.NextTag();
        var command = new ImapCommand(new ImapCommandBuilder("LOGOUT"));
        await engine.SendAsync(command, tag).ConfigureAwait(false);
        try
        {
            await engine.ReadUntilTaggedAsync(command, tag).ConfigureAwait(false);
        }
        catch (ImapConnectionLostException)
        {
            // Closing right after BYE, before the tagged OK, is common and harmless here.
        }

        engine.State = ImapClientState.LoggedOut;
        engine.Transport.Fault("logged out");
    }

    /// <summary>A parenthesised flag list; refuses what is not a flag (RFC 3501 §9: an atom, optionally after "\").</summary>
    public static string FormatFlags(IEnumerable<string> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var list = flags.ToList();
        foreach (var flag in list)
        {
            var atom = flag.StartsWith('\\') ? flag[1..] : flag;
            if (atom.Length == 0 || !ImapCommandBuilder.IsAtomSafe(atom) || atom.Contains(']'))
            {
                throw new ArgumentException($"'{flag}' is not a valid IMAP flag", nameof(flags));
            }
        }

        return "(" + string.Join(' ', list) + ")";
    }

    private static async Task CopyOrMoveAsync(ImapEngine engine, string verb, ImapUidSet uids, string destination)
    {
        foreach (var chunk in uids.Chunks(MaxUidSetChars))
        {
            for (var attempt = 0; ; attempt++)
            {
                var builder = new ImapCommandBuilder(verb).Raw(" " + chunk + " ").Mailbox(destination);
                var completion = await engine.ExecuteAsync(new ImapCommand(builder)).ConfigureAwait(false);

                // RFC 3501 §6.4.7: [TRYCREATE] says the destination is missing and may be created.
                if (!completion.IsOk && attempt == 0 && completion.Code?.Is("TRYCREATE") == true)
                {
                    await CreateAsync(engine, destination).ConfigureAwait(false);
                    continue;
                }

                completion.EnsureOk(verb);
                break;
            }
        }
    }
}
