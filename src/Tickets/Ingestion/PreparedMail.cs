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
    private readonly RawMessage? _raw;
    private readonly ExceptionDispatchInfo? _readError;
    private readonly MessageFacts? _facts;
    private readonly ExceptionDispatchInfo? _factsError;
    private MimeMessage? _message;

    private PreparedMail(
        RawMessage? raw, ExceptionDispatchInfo? readError, PreparedBlob? rawBlob, MimeMessage? message, Exception? parseError, MessageFacts? facts, ExceptionDispatchInfo? factsError)
    {
        _raw = raw;
        _readError = readError;
        RawBlob = rawBlob;
        _message = message;
        ParseError = parseError;
        _facts = facts;
        _factsError = factsError;
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
    public PreparedBlob? RawBlob { get; }

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
            raw = RawMessage.Read(mail);
        }
        catch (Exception e)
        {
            return new PreparedMail(null, ExceptionDispatchInfo.Capture(e), null, null, null, null, null);
        }

        var blob = PrepareBlob(store, raw);
        if (raw.Size > maxMessageBytes)
        {
            return new PreparedMail(raw, null, blob, null, null, null, null);
        }

        MimeMessage message;
        try
        {
            using var stream = raw.Open();
            message = MimeMessage.Load(stream, parserOptions);
        }
        catch (Exception e)
        {
            return new PreparedMail(raw, null, blob, null, e, null, null);
        }

        try
        {
            return new PreparedMail(raw, null, blob, message, null, MessageFacts.Read(message, trustedAuthServId), null);
        }
        catch (Exception e)
        {
            return new PreparedMail(raw, null, blob, message, null, null, ExceptionDispatchInfo.Capture(e));
        }
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

    private static PreparedBlob? PrepareBlob(ITicketStore store, RawMessage raw)
    {
        if (raw.Bytes is not { } bytes)
        {
            return null;
        }

        try
        {
            return store.PrepareBlob(raw.Sha256, bytes, compress: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
