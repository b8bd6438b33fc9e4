using System.Runtime.ExceptionServices;
using MailTicketing.Mime;
using MailTicketing.Tickets.Ports;

namespace MailTicketing.Tickets.Ingestion;

/// <summary>
/// The work on one message that needs no database: its bytes read, hashed and encoded for the
/// blob store, parsed, and the facts read from its text. Failures are kept, not thrown, and
/// surface only where ingestion would have met them in order, so preparing a message ahead never
/// changes what happens to it (a message skipped as already done never reports that its file
/// could not be read).
/// </summary>
internal sealed class PreparedMail : IDisposable
{
    // Larger attachments are streamed into the store by the writer, never held as one array.
    private const int AttachmentInMemoryLimit = 1 << 20;

    private readonly RawMessage? _raw;
    private readonly ExceptionDispatchInfo? _readError;
    private readonly MessageFacts? _facts;
    private readonly ExceptionDispatchInfo? _factsError;
    private MimeMessage? _message;

    private PreparedMail(
        RawMessage? raw,
        ExceptionDispatchInfo? readError,
        MimeMessage? message,
        Exception? parseError,
        MessageFacts? facts,
        ExceptionDispatchInfo? factsError,
        IReadOnlyList<PreparedBlob?>? attachmentBlobs = null)
    {
        _raw = raw;
        _readError = readError;
        _message = message;
        ParseError = parseError;
        _facts = facts;
        _factsError = factsError;
        AttachmentBlobs = attachmentBlobs;
    }

    /// <summary>The raw bytes, hashed; throws what reading them threw.</summary>
    public RawMessage Raw
    {
        get
        {
            _readError?.Throw();
            return _raw!;
        }
    }

    /// <summary>The raw bytes made ready for the blob store; null when they are not held in memory (or could not be made ready: storing them from the stream then reports why).</summary>
    public PreparedBlob? RawBlob => _raw?.Blob;

    /// <summary>The message's attachments made ready for the blob store, in the order of <see cref="MimeMessage.Attachments"/>; null entries (or a null list) are stored from their content.</summary>
    public IReadOnlyList<PreparedBlob?>? AttachmentBlobs { get; }

    /// <summary>The raw bytes this holds in memory (for the preparation queue's budget).</summary>
    public long HeldBytes => _raw?.Bytes?.LongLength ?? 0;

    /// <summary>Why the parser gave up, when it threw (it is built not to).</summary>
    public Exception? ParseError { get; }

    /// <summary>The facts of the parsed message; throws what reading them threw (a regex timeout, say).</summary>
    public MessageFacts Facts
    {
        get
        {
            _factsError?.Throw();
            return _facts ?? throw new InvalidOperationException("The message was not parsed.");
        }
    }

    /// <summary>
    /// Reads, hashes, encodes and parses <paramref name="mail"/>. A message over the size limit is
    /// not parsed: it is quarantined from its raw bytes alone.
    /// </summary>
    public static PreparedMail Prepare(IncomingMail mail, ITicketStore store, long maxMessageBytes, MimeParserOptions parserOptions, string? trustedAuthServId)
    {
        RawMessage raw;
        try
        {
            raw = RawMessage.Read(mail, bytes => PrepareBlob(store, bytes, compress: true));
        }
        catch (Exception e)
        {
            return new PreparedMail(null, ExceptionDispatchInfo.Capture(e), null, null, null, null);
        }

        if (raw.Size > maxMessageBytes)
        {
            return new PreparedMail(raw, null, null, null, null, null);
        }

        MimeMessage message;
        try
        {
            using var stream = raw.Open();
            message = MimeMessage.Load(stream, parserOptions);
        }
        catch (Exception e)
        {
            return new PreparedMail(raw, null, null, e, null, null);
        }

        MessageFacts facts;
        try
        {
            facts = MessageFacts.Read(message, trustedAuthServId);
        }
        catch (Exception e)
        {
            return new PreparedMail(raw, null, message, null, null, ExceptionDispatchInfo.Capture(e), PrepareAttachments(store, message));
        }

        return new PreparedMail(raw, null, message, null, facts, null, PrepareAttachments(store, message));
    }

    /// <summary>Hands the parsed message to the caller, who disposes it from then on.</summary>
    public MimeMessage TakeMessage()
    {
        var message = _message ?? throw new InvalidOperationException("The message was not parsed, or was taken already.");
        _message = null;
        return message;
    }

    public void Dispose()
    {
        _message?.Dispose();
        _message = null;
    }

    /// <summary>Encodes the attachments small enough to hold in memory; the writer stores the others from their content.</summary>
    private static PreparedBlob?[]? PrepareAttachments(ITicketStore store, MimeMessage message)
    {
        var attachments = message.Attachments;
        if (attachments.Count == 0)
        {
            return null;
        }

        var blobs = new PreparedBlob?[attachments.Count];
        try
        {
            for (var i = 0; i < blobs.Length; i++)
            {
                var content = AttachmentContent.Of(attachments[i]).Content;
                if (content.Length <= AttachmentInMemoryLimit)
                {
                    blobs[i] = PrepareBlob(store, content.ToArray(), AttachmentContent.ShouldCompress(attachments[i]));
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // The writer meets the same failure where it stores the content, and reports it there.
        }

        return blobs;
    }

    private static PreparedBlob? PrepareBlob(ITicketStore store, byte[] bytes, bool compress)
    {
        try
        {
            return store.PrepareBlob(bytes, compress);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Stored from the bytes on the writer instead, which then reports why.
            return null;
        }
    }
}
