using System.Buffers;
using System.Globalization;

namespace MailTicketing.Imap.Protocol;

/// <summary>
/// Reads "* n FETCH (...)" item by item, so that BODY[] is handed to the caller as a stream
/// while it arrives. Servers may send items in any order (RFC 3501 §7.4.2): when the body
/// comes before the UID and the other items, it is spooled (memory when small, a temporary
/// file otherwise) and handed over once the response is complete.
/// </summary>
internal sealed class ImapFetchParser(
    ImapReader reader,
    ImapUidSet requested,
    bool wantsBody,
    Func<ImapMessageSummary, Stream, CancellationToken, ValueTask>? onMessage,
    Action<ImapMessageSummary>? onSummary,
    CancellationToken cancellationToken)
{
    private const int InMemorySpoolLimit = 1024 * 1024;

    public int Delivered { get; private set; }

    public async ValueTask ReadAsync(uint sequence)
    {
        Expect(await reader.ReadTokenAsync().ConfigureAwait(false), ImapTokenKind.OpenParen);
        ImapUid? uid = null;
        long? size = null;
        IReadOnlyList<string>? flags = null;
        DateTimeOffset? internalDate = null;
        Stream? spooled = null;
        var delivered = false;
        try
        {
            while (true)
            {
                var token = await reader.ReadTokenAsync().ConfigureAwait(false);
                if (token.Kind == ImapTokenKind.CloseParen)
                {
                    break;
                }

                if (token.Kind != ImapTokenKind.Atom)
                {
                    throw new ImapProtocolException($"expected a FETCH item name, got '{token}'");
                }

                switch (token.Text!.ToUpperInvariant())
                {
                    case "UID":
                        var value = await ReadValueAsync().ConfigureAwait(false);
                        uid = ImapUid.TryParse(value.AsString(), out var parsed) ? parsed : throw new ImapProtocolException($"FETCH UID '{value}' is not a UID");
                        break;
                    case "RFC822.SIZE":
                        size = (await ReadValueAsync().ConfigureAwait(false)).TryGetNumber(out var n) ? n : null;
                        break;
                    case "FLAGS":
                        flags = [.. (await ReadValueAsync().ConfigureAwait(false)).List.Select(v => v.AsString()).OfType<string>()];
                        break;
                    case "INTERNALDATE":
                        internalDate = ImapDateTime.Parse((await ReadValueAsync().ConfigureAwait(false)).AsString());
                        break;
                    case "BODY" or "BINARY" or "RFC822":
                        var section = token.IsAtom("RFC822") ? "" : await ReadSectionAsync().ConfigureAwait(false);
                        var content = await reader.ReadTokenAsync().ConfigureAwait(false);
                        if (section.Length != 0 || !wantsBody)
                        {
                            await SkipValueAsync(content).ConfigureAwait(false);
                            break;
                        }

                        if (content.Kind != ImapTokenKind.Literal)
                        {
                            // A body sent as a quoted string, or NIL for an empty one: small by nature.
                            var text = content.Kind == ImapTokenKind.QuotedString ? content.Text! : "";
                            spooled = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
                            size ??= spooled.Length;
                        }
                        else if (uid is { } known && flags is not null && internalDate is not null)
                        {
                            delivered = await DeliverStreamingAsync(Summary(sequence, known, size ?? content.LiteralLength, flags, internalDate), content.LiteralLength).ConfigureAwait(false);
                        }
                        else
                        {
                            spooled = await SpoolAsync(content.LiteralLength).ConfigureAwait(false);
                            size ??= content.LiteralLength;
                        }

                        break;
                    default:
                        await ReadValueAsync().ConfigureAwait(false);
                        break;
                }
            }

            // Anything after the list is not ours to interpret; read past it to the line end.
            await ImapResponseParser.ReadValuesToEndOfLineAsync(reader).ConfigureAwait(false);
            if (uid is not { } final || !Accepts(final) || delivered)
            {
                return;
            }

            var summary = Summary(sequence, final, size, flags ?? [], internalDate);
            if (spooled is not null)
            {
                spooled.Position = 0;
                await onMessage!(summary, spooled, cancellationToken).ConfigureAwait(false);
                Delivered++;
            }
            else if (!wantsBody)
            {
                onSummary?.Invoke(summary);
                Delivered++;
            }
        }
        finally
        {
            if (spooled is not null)
            {
                await spooled.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static ImapMessageSummary Summary(uint sequence, ImapUid uid, long? size, IReadOnlyList<string> flags, DateTimeOffset? internalDate) =>
        new() { Uid = uid, SequenceNumber = sequence, Size = size, Flags = flags, InternalDate = internalDate };

    private static void Expect(ImapToken token, ImapTokenKind kind)
    {
        if (token.Kind != kind)
        {
            throw new ImapProtocolException($"expected {new ImapToken(kind)} in a FETCH response, got '{token}'");
        }
    }

    // "n:*" answers include the highest UID even below n; unsolicited FETCHes (flag changes
    // by another client) may name messages we did not ask for.
    private bool Accepts(ImapUid uid) => requested.Contains(uid);

    private async ValueTask<bool> DeliverStreamingAsync(ImapMessageSummary summary, long length)
    {
        if (!Accepts(summary.Uid))
        {
            await reader.SkipLiteralAsync().ConfigureAwait(false);
            return false;
        }

        var body = new ImapLiteralStream(reader, length);
        try
        {
            await onMessage!(summary, body, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await body.DisposeAsync().ConfigureAwait(false);
        }

        await reader.SkipLiteralAsync().ConfigureAwait(false);
        Delivered++;
        return true;
    }

    private async ValueTask<Stream> SpoolAsync(long length)
    {
        Stream spool = length <= InMemorySpoolLimit
            ? new MemoryStream((int)length)
            : new FileStream(Path.Combine(Path.GetTempPath(), "imap-" + Path.GetRandomFileName()), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await reader.ReadLiteralAsync(buffer).ConfigureAwait(false)) > 0)
            {
                await spool.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            return spool;
        }
        catch
        {
            await spool.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>After BODY: the bracketed section ("" for the whole message) and an optional "&lt;origin&gt;".</summary>
    private async ValueTask<string> ReadSectionAsync()
    {
        Expect(await reader.ReadTokenAsync().ConfigureAwait(false), ImapTokenKind.OpenBracket);
        var items = await ImapResponseParser.ReadListAsync(reader, ImapTokenKind.CloseBracket, 0).ConfigureAwait(false);
        if (await reader.PeekAsync().ConfigureAwait(false) == (byte)'<')
        {
            // A partial fetch's origin ("BODY[]<0>") is not the whole message.
            var origin = await reader.ReadTokenAsync().ConfigureAwait(false);
            return string.Join(' ', items) + origin.Text;
        }

        return string.Join(' ', items.Select(i => i.ToString()));
    }

    private async ValueTask<ImapValue> ReadValueAsync() =>
        await ImapResponseParser.ReadValueAsync(reader, await reader.ReadTokenAsync().ConfigureAwait(false)).ConfigureAwait(false);

    private async ValueTask SkipValueAsync(ImapToken token)
    {
        if (token.Kind == ImapTokenKind.Literal)
        {
            await reader.SkipLiteralAsync().ConfigureAwait(false);
        }
        else
        {
            await ImapResponseParser.ReadValueAsync(reader, token).ConfigureAwait(false);
        }
    }

    internal static string FormatItems(bool withBody) =>
        string.Create(CultureInfo.InvariantCulture, $"(UID RFC822.SIZE FLAGS INTERNALDATE{(withBody ? " BODY.PEEK[]" : "")})");
}
