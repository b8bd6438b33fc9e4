using System.Buffers;
using System.Text;
using MailTicketing.Mime.Encodings;
using MailTicketing.Mime.IO;

namespace MailTicketing.Mime.Parsing;

/// <summary>
/// Reads one message from a stream into a <see cref="MimeMessage"/> tree in a single forward
/// pass. Leaf content is decoded as it streams past and stored in <see cref="PartContent"/>;
/// nothing holds the whole message. Tolerant: every repair is recorded as a <see cref="MimeDefect"/>.
/// Disposing returns the line buffer to the pool; a parser is used for one pass and then disposed.
/// </summary>
internal sealed class MimeParser : IDisposable
{
    private const int PreambleCap = 16 * 1024;

    // How many unindented lines in a row may still be read as one field's continuation.
    private const int MaxWrappedRun = 4;

    private static readonly string[] WellKnownFields =
    [
        "Received", "Return-Path", "Delivered-To", "From", "To", "Cc", "Bcc", "Subject", "Date", "Message-ID",
        "Reply-To", "Sender", "MIME-Version", "In-Reply-To", "References", "DKIM-Signature", "Authentication-Results",
        "Received-SPF", "Thread-Topic", "Thread-Index", "Importance", "Priority", "Precedence", "Auto-Submitted",
        "Organization", "User-Agent",
    ];

    private readonly LineReader _reader;
    private readonly ParseBudget _budget;
    private readonly MimeParserOptions _options;
    private readonly int _depth;
    private readonly List<MimeDefect> _defects = [];

    // Enclosing multipart boundaries, innermost last. Each entry is the boundary's bytes.
    private readonly List<byte[]> _boundaries = [];

    // Lines read ahead while repairing headers, served again before the reader's next line.
    private readonly Stack<PendingLine> _pushback = new();

    private MimeParser(Stream stream, MimeParserOptions options, int depth, ParseBudget budget)
    {
        _reader = new LineReader(stream);
        _options = options;
        _depth = depth;
        _budget = budget;
    }

    public static MimeMessage Parse(Stream stream, MimeParserOptions options)
    {
        using var parser = new MimeParser(stream, options, 0, new ParseBudget());
        return parser.ParseMessage();
    }

    /// <summary>Reads consecutive header blocks separated by blank lines (the body of message/delivery-status).</summary>
    public static List<HeaderList> ReadHeaderBlocks(Stream stream, MimeParserOptions options)
    {
        using var parser = new MimeParser(stream, options, 0, new ParseBudget());
        var blocks = new List<HeaderList>();
        while (true)
        {
            var headers = parser.ReadHeaders(topLevel: false, out var end);
            if (headers.Count > 0)
            {
                blocks.Add(headers);
            }
            else if (parser._pushback.Count > 0)
            {
                // A line that is no header where a block should start: skip it so reading moves on.
                parser._pushback.Pop();
            }

            if (end.IsEndOfInput)
            {
                return blocks;
            }
        }
    }

    public void Dispose() => _reader.Dispose();

    private MimeMessage ParseMessage()
    {
        var headers = ReadHeaders(topLevel: true, out var end);
        if (headers.Count == 0 && end.IsEndOfInput)
        {
            Defect(MimeDefectKind.Truncated, 0, "the message is empty or has no headers");
        }

        var body = end.IsEndOfInput
            ? CreateEmptyPart(headers, 0)
            : ParseEntity(headers, 0, _depth, ContentType.TextPlain, out _);
        return new MimeMessage(headers, body, _defects, _reader.Position);
    }

    /// <summary>Parses an entity whose headers are read; consumes its body up to the boundary or end that closes it.</summary>
    private MimeEntity ParseEntity(HeaderList headers, long offset, int depth, ContentType defaultType, out BoundaryMatch end)
    {
        _budget.Parts++;
        var contentType = ReadContentType(headers, offset, defaultType);
        var disposition = ReadDisposition(headers, offset);
        var contentId = ReadContentId(headers);

        if (contentType.MediaType == "multipart")
        {
            if (contentType.Boundary is not { Length: > 0 } boundary)
            {
                Defect(MimeDefectKind.MissingBoundary, offset, $"{contentType.MimeType} has no boundary; kept as one part");
            }
            else if (depth >= _options.MaxNestingDepth)
            {
                Defect(MimeDefectKind.NestingTooDeep, offset, $"nesting deeper than {_options.MaxNestingDepth}; kept as opaque content");
            }
            else if (_budget.Parts > _options.MaxPartCount)
            {
                Defect(MimeDefectKind.NestingTooDeep, offset, $"more than {_options.MaxPartCount} parts; kept as opaque content");
            }
            else
            {
                return ParseMultipart(headers, contentType, boundary, offset, depth, out end, disposition, contentId);
            }
        }

        var encoding = ReadTransferEncoding(headers, offset);
        var content = ReadLeafContent(encoding, offset, out end);

        if (IsEmbeddedMessage(contentType) && depth < _options.MaxNestingDepth && _budget.Parts <= _options.MaxPartCount)
        {
            MimeMessage message;
            using (var stream = content.OpenRead())
            using (var nested = new MimeParser(stream, _options, depth + 1, _budget))
            {
                message = nested.ParseMessage();
            }

            return new MessagePart(headers, contentType, content, message)
            {
                ContentDisposition = disposition,
                ContentId = contentId,
                TransferEncoding = encoding,
                Offset = offset,
            };
        }

        return new MimePart(headers, contentType, content)
        {
            ContentDisposition = disposition,
            ContentId = contentId,
            TransferEncoding = encoding,
            Offset = offset,
        };
    }

    private static bool IsEmbeddedMessage(ContentType type) =>
        type.MediaType == "message" && type.MediaSubtype is "rfc822" or "global" or "news";

    /// <summary>
    /// Parses a multipart's body. When its boundary never opens a part and text came before the
    /// end, that text is the entity's content (a mailer declared multipart and sent something
    /// else): it becomes a leaf, because a preamble is never shown and would lose it.
    /// </summary>
    private MimeEntity ParseMultipart(
        HeaderList headers, ContentType contentType, string boundary, long offset, int depth, out BoundaryMatch end, ContentDisposition? disposition, string? contentId)
    {
        _boundaries.Add(Encoding.UTF8.GetBytes(boundary));
        var level = _boundaries.Count - 1;

        // Not capped: until a boundary shows up, this may be all the content there is.
        var beforeFirstPart = new PartContent(_options.MemoryThreshold, _options.TemporaryDirectory);
        var beforeFirstPartSink = new DecodingSink(null, beforeFirstPart);
        var match = ReadContent(beforeFirstPartSink);
        beforeFirstPartSink.Complete();
        var opened = match.Level == level && !match.IsClose;

        // RFC 2046 §5.1.5: inside multipart/digest a part without Content-Type is message/rfc822.
        var childDefault = contentType.MediaSubtype == "digest" ? new ContentType("message", "rfc822") : ContentType.TextPlain;
        var children = new List<MimeEntity>();
        while (match.Level == level && !match.IsClose)
        {
            var childOffset = _reader.Position - PendingLength();
            var childHeaders = ReadHeaders(topLevel: false, out var headersEnd);
            if (headersEnd.Level >= 0 || headersEnd.IsEndOfInput)
            {
                // The headers ran straight into a boundary or the end: a part with no body.
                children.Add(CreateEmptyPart(childHeaders, childOffset));
                match = headersEnd;
                continue;
            }

            children.Add(ParseEntity(childHeaders, childOffset, depth + 1, childDefault, out match));
        }

        var epilogue = new CappedByteSink(PreambleCap);
        _boundaries.RemoveAt(level);
        var closed = match.Level == level && match.IsClose;
        if (closed)
        {
            match = ReadContent(epilogue);
        }

        end = match;
        if (!opened && HasNonWhitespace(beforeFirstPart))
        {
            Defect(MimeDefectKind.MissingBoundary, offset, $"{contentType.MimeType} boundary never opens a part; its content kept as one part");
            var encoding = ReadTransferEncoding(headers, offset);
            return new MimePart(headers, contentType, Decode(beforeFirstPart, encoding, offset))
            {
                ContentDisposition = disposition,
                ContentId = contentId,
                TransferEncoding = encoding,
                Offset = offset,
            };
        }

        if (!closed)
        {
            Defect(MimeDefectKind.MissingClosingBoundary, offset, $"{contentType.MimeType} was not closed with its boundary");
        }

        if (children.Count == 0)
        {
            Defect(MimeDefectKind.EmptyMultipart, offset, $"{contentType.MimeType} has no parts");
        }

        var preamble = ReadStart(beforeFirstPart, PreambleCap);
        beforeFirstPart.Dispose();
        return new Multipart(headers, contentType, children, preamble, epilogue.ToArray())
        {
            ContentDisposition = disposition,
            ContentId = contentId,
            Offset = offset,
        };
    }

    private static bool HasNonWhitespace(PartContent content)
    {
        using var stream = content.OpenRead();
        Span<byte> buffer = stackalloc byte[1024];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (buffer[..read].IndexOfAnyExcept(" \t\r\n"u8) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] ReadStart(PartContent content, int cap)
    {
        var start = new byte[Math.Min(content.Length, cap)];
        using var stream = content.OpenRead();
        stream.ReadExactly(start);
        return start;
    }

    /// <summary>Undoes a transfer encoding on raw content already stored (and disposes the raw copy).</summary>
    private PartContent Decode(PartContent raw, ContentEncoding encoding, long offset)
    {
        if (ContentDecoders.Create(encoding) is not { } decoder)
        {
            return raw;
        }

        var decoded = new PartContent(_options.MemoryThreshold, _options.TemporaryDirectory);
        var sink = new DecodingSink(decoder, decoded);
        var buffer = ArrayPool<byte>.Shared.Rent(32 * 1024);
        try
        {
            using var stream = raw.OpenRead();
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                sink.Write(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        raw.Dispose();
        var issues = sink.Complete();
        if (issues != DecodeIssues.None)
        {
            Defect(MimeDefectKind.InvalidContentEncoding, offset, $"{encoding}: {issues}");
        }

        return decoded;
    }

    private PartContent ReadLeafContent(ContentEncoding encoding, long offset, out BoundaryMatch end)
    {
        var content = new PartContent(_options.MemoryThreshold, _options.TemporaryDirectory);
        var sink = new DecodingSink(ContentDecoders.Create(encoding), content);
        end = ReadContent(sink);
        var issues = sink.Complete();
        if (issues != DecodeIssues.None)
        {
            Defect(MimeDefectKind.InvalidContentEncoding, offset, $"{encoding}: {issues}");
        }

        return content;
    }

    private MimePart CreateEmptyPart(HeaderList headers, long offset)
    {
        var content = new PartContent(_options.MemoryThreshold, _options.TemporaryDirectory);
        content.Seal();
        return new MimePart(headers, ReadContentType(headers, offset, ContentType.TextPlain), content)
        {
            ContentDisposition = ReadDisposition(headers, offset),
            ContentId = ReadContentId(headers),
            Offset = offset,
        };
    }

    /// <summary>
    /// Feeds body lines to the sink until a boundary of any enclosing multipart or the end of input.
    /// RFC 2046 §5.1.1: the line break before a boundary belongs to the boundary, so each line's
    /// break is held back until the next line is known not to be a boundary.
    /// </summary>
    private BoundaryMatch ReadContent(IContentSink sink)
    {
        Span<byte> heldBreak = stackalloc byte[2];
        var heldLength = 0;
        var atLineStart = true;
        while (NextLine(out var line))
        {
            if (atLineStart && _boundaries.Count > 0)
            {
                var match = MatchBoundary(line.Content);
                if (match.Level >= 0)
                {
                    return match;
                }
            }

            if (heldLength > 0)
            {
                sink.Write(heldBreak[..heldLength]);
            }

            sink.Write(line.Content);
            line.Terminator.CopyTo(heldBreak);
            heldLength = line.Terminator.Length;
            atLineStart = !line.IsPartial;
        }

        if (heldLength > 0)
        {
            sink.Write(heldBreak[..heldLength]);
        }

        return BoundaryMatch.EndOfInput;
    }

    /// <summary>Checks a line against the enclosing boundaries, innermost first (RFC 2046 §5.1.1; trailing whitespace allowed).</summary>
    private BoundaryMatch MatchBoundary(ReadOnlySpan<byte> line)
    {
        if (line.Length < 2 || line[0] != '-' || line[1] != '-')
        {
            return BoundaryMatch.None;
        }

        var afterDashes = line[2..];
        for (var level = _boundaries.Count - 1; level >= 0; level--)
        {
            var boundary = _boundaries[level];
            if (!afterDashes.StartsWith(boundary))
            {
                continue;
            }

            var rest = afterDashes[boundary.Length..];
            if (IsWhitespace(rest))
            {
                return new BoundaryMatch(level, IsClose: false);
            }

            if (rest.StartsWith("--"u8) && IsWhitespace(rest[2..]))
            {
                return new BoundaryMatch(level, IsClose: true);
            }
        }

        return BoundaryMatch.None;
    }

    private static bool IsWhitespace(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0;

    /// <summary>
    /// Reads header fields up to the blank line. Ends early (with the match in <paramref name="end"/>)
    /// at a boundary or the end of input. A line that is not a header and not a continuation is
    /// taken as a wrongly wrapped continuation when a header follows it, else as the start of the
    /// body (the blank line was missing).
    /// </summary>
    private HeaderList ReadHeaders(bool topLevel, out BoundaryMatch end)
    {
        var headers = new HeaderList();
        var field = new HeaderBuilder(_options.MaxHeaderLength);
        var first = true;
        var limitReported = false;

        void Finish()
        {
            if (!field.HasField)
            {
                return;
            }

            if (headers.Count < _options.MaxHeaderCount)
            {
                if (field.Truncated)
                {
                    Defect(MimeDefectKind.HeaderLimitExceeded, field.Offset, $"{field.Name} longer than {_options.MaxHeaderLength} bytes; cut");
                }

                headers.Add(field.Build());
            }
            else if (!limitReported)
            {
                limitReported = true;
                Defect(MimeDefectKind.HeaderLimitExceeded, field.Offset, $"more than {_options.MaxHeaderCount} header fields; the rest dropped");
            }

            field.Clear();
        }

        while (NextLine(out var line))
        {
            var content = line.Content;
            if (field.InPartialLine)
            {
                field.AppendRaw(content);
                field.InPartialLine = line.IsPartial;
                field.HeldBreak(line.Terminator);
                continue;
            }

            if (content.IsEmpty)
            {
                Finish();
                end = BoundaryMatch.None;
                return headers;
            }

            if (_boundaries.Count > 0 && MatchBoundary(content) is { Level: >= 0 } match)
            {
                Finish();
                end = match;
                return headers;
            }

            if (content[0] is (byte)' ' or (byte)'\t')
            {
                if (field.HasField)
                {
                    field.AppendContinuation(content);
                    field.InPartialLine = line.IsPartial;
                    field.HeldBreak(line.Terminator);
                    first = false;
                    continue;
                }

                // A first field indented by mistake: read it as a field.
                Defect(MimeDefectKind.MalformedHeader, line.Offset, "header block starts with whitespace");
                content = content.TrimStart(" \t"u8);
            }

            if (TrySplitField(content, out var name, out var value))
            {
                Finish();
                field.Start(name, value, line.Offset);
                field.InPartialLine = line.IsPartial;
                field.HeldBreak(line.Terminator);
                first = false;
                continue;
            }

            if (first && topLevel && IsMboxSeparator(content))
            {
                // An mbox separator line in front of the message, maybe escaped (">From ") when
                // the message was forwarded as an attachment straight out of an mbox file.
                first = false;
                continue;
            }

            // Neither a field nor a continuation. Look at the next line to decide what it was.
            var stray = new PendingLine(content.ToArray(), line.Terminator.ToArray(), line.Offset, line.IsPartial);
            if (field.HasField && !stray.IsPartial && NextLine(out var next))
            {
                var nextIsHeaderish = next.Content.IsEmpty
                    || next.Content[0] is (byte)' ' or (byte)'\t'
                    || TrySplitField(next.Content, out _, out _);
                var lookahead = new PendingLine(next.Content.ToArray(), next.Terminator.ToArray(), next.Offset, next.IsPartial);
                if (nextIsHeaderish)
                {
                    _pushback.Push(lookahead);
                    Defect(MimeDefectKind.MalformedHeader, stray.Offset, $"a line inside {field.Name} was wrapped without leading whitespace");
                    field.AppendContinuation(stray.Content);
                    field.HeldBreak(stray.Terminator);
                    continue;
                }

                if (TryJoinWrappedRun(field, stray, lookahead))
                {
                    continue;
                }
            }

            if (first && topLevel && !field.HasField && !stray.IsPartial && NextLine(out var afterStray))
            {
                // Junk before the first field (an envelope or "---- Original message ----" line)
                // when a field follows: skip it, or the whole header block would read as body.
                var fieldFollows = TrySplitField(afterStray.Content, out _, out _);
                _pushback.Push(new PendingLine(afterStray.Content.ToArray(), afterStray.Terminator.ToArray(), afterStray.Offset, afterStray.IsPartial));
                if (fieldFollows)
                {
                    Defect(MimeDefectKind.MalformedHeader, stray.Offset, $"skipped a line before the header fields: '{Truncate(Encoding.Latin1.GetString(stray.Content), 60)}'");
                    first = false;
                    continue;
                }
            }

            _pushback.Push(stray);
            Finish();
            if (headers.Count > 0 || !topLevel)
            {
                Defect(MimeDefectKind.MissingHeaderBodySeparator, stray.Offset, "no blank line between headers and body");
            }
            else
            {
                Defect(MimeDefectKind.MalformedHeader, stray.Offset, "the message does not start with a header");
            }

            end = BoundaryMatch.None;
            return headers;
        }

        Finish();
        end = BoundaryMatch.EndOfInput;
        return headers;
    }

    /// <summary>
    /// Several lines in a row that are no fields, right after a field: when a well-known field
    /// follows them, they are that field's continuation lines with the indentation lost (filters
    /// that re-wrap Received fields do this); otherwise they start the body. Everything read
    /// ahead but the first stray line is pushed back when they are not joined.
    /// </summary>
    private bool TryJoinWrappedRun(HeaderBuilder field, PendingLine first, PendingLine second)
    {
        var run = new List<PendingLine> { first };
        var candidate = second;
        while (IsStray(candidate) && run.Count < MaxWrappedRun)
        {
            run.Add(candidate);
            if (!NextLine(out var line))
            {
                candidate = null;
                break;
            }

            candidate = new PendingLine(line.Content.ToArray(), line.Terminator.ToArray(), line.Offset, line.IsPartial);
        }

        if (candidate is not null)
        {
            _pushback.Push(candidate);
        }

        if (run.Count > 1 && candidate is not null && !candidate.IsPartial
            && TrySplitField(candidate.Content, out var name, out _) && IsWellKnownField(name))
        {
            Defect(MimeDefectKind.MalformedHeader, first.Offset, $"{run.Count} lines inside {field.Name} were wrapped without leading whitespace");
            foreach (var wrapped in run)
            {
                field.AppendContinuation(wrapped.Content);
                field.HeldBreak(wrapped.Terminator);
            }

            return true;
        }

        for (var i = run.Count - 1; i >= 1; i--)
        {
            _pushback.Push(run[i]);
        }

        return false;
    }

    private bool IsStray(PendingLine? line) =>
        line is { IsPartial: false, Content.Length: > 0 }
        && line.Content[0] is not ((byte)' ' or (byte)'\t')
        && !TrySplitField(line.Content, out _, out _)
        && (_boundaries.Count == 0 || MatchBoundary(line.Content).Level < 0);

    /// <summary>Fields that mail software writes, as opposed to "Name: value" lines people type into a body.</summary>
    private static bool IsWellKnownField(ReadOnlySpan<byte> name)
    {
        foreach (var prefix in (ReadOnlySpan<string>)["X-", "Content-", "List-", "ARC-", "Resent-"])
        {
            if (name.Length > prefix.Length && Ascii.EqualsIgnoreCase(name[..prefix.Length], prefix))
            {
                return true;
            }
        }

        foreach (var known in WellKnownFields)
        {
            if (Ascii.EqualsIgnoreCase(name, known))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMboxSeparator(ReadOnlySpan<byte> line) =>
        line.TrimStart((byte)'>').StartsWith("From "u8);

    /// <summary>Splits "Name: value"; a name is printable ASCII without spaces (whitespace before the colon is tolerated).</summary>
    private static bool TrySplitField(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        var colon = line.IndexOf((byte)':');
        name = default;
        value = default;
        if (colon <= 0)
        {
            return false;
        }

        var candidate = line[..colon].TrimEnd(" \t"u8);
        if (candidate.IsEmpty || candidate.IndexOfAnyExceptInRange((byte)33, (byte)126) >= 0)
        {
            return false;
        }

        name = candidate;
        value = line[(colon + 1)..];
        return true;
    }

    private bool NextLine(out Line line)
    {
        if (_pushback.TryPop(out var pending))
        {
            line = new Line(pending.Content, pending.Terminator, pending.Offset, pending.IsPartial);
            return true;
        }

        return _reader.ReadLine(out line);
    }

    private long PendingLength()
    {
        long length = 0;
        foreach (var pending in _pushback)
        {
            length += pending.Content.Length + pending.Terminator.Length;
        }

        return length;
    }

    private ContentType ReadContentType(HeaderList headers, long offset, ContentType defaultType)
    {
        var header = headers.Find("Content-Type");
        if (header is null || IsWhitespace(header.RawValue))
        {
            return defaultType;
        }

        var type = ContentType.Parse(header.RawValue, null, out var malformed);
        if (malformed)
        {
            Defect(MimeDefectKind.MalformedContentType, offset, $"Content-Type read as {type.MimeType}");
        }

        return type;
    }

    private ContentDisposition? ReadDisposition(HeaderList headers, long offset)
    {
        var header = headers.Find("Content-Disposition");
        if (header is null || IsWhitespace(header.RawValue))
        {
            return null;
        }

        var disposition = ContentDisposition.Parse(header.RawValue, null, out var malformed);
        if (malformed)
        {
            Defect(MimeDefectKind.MalformedContentDisposition, offset, $"Content-Disposition read as {disposition.Disposition}");
        }

        return disposition;
    }

    private ContentEncoding ReadTransferEncoding(HeaderList headers, long offset)
    {
        var value = headers["Content-Transfer-Encoding"];
        var encoding = ContentDecoders.ParseEncoding(value);
        if (encoding == ContentEncoding.Default && !string.IsNullOrWhiteSpace(value))
        {
            Defect(MimeDefectKind.UnknownTransferEncoding, offset, $"unknown transfer encoding '{Truncate(value, 40)}'; content kept as is");
        }

        return encoding;
    }

    private static string? ReadContentId(HeaderList headers) =>
        headers["Content-ID"] is { Length: > 0 } value ? MessageIdList.ParseFirst(value) ?? value.Trim() : null;

    private void Defect(MimeDefectKind kind, long offset, string detail) => _defects.Add(new MimeDefect(kind, offset, detail));

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length] + "…";

    /// <summary>Counts parts across a message and the messages embedded in it.</summary>
    private sealed class ParseBudget
    {
        public int Parts;
    }

    private sealed record PendingLine(byte[] Content, byte[] Terminator, long Offset, bool IsPartial);

    /// <summary>Accumulates one header field's raw value across continuation lines, within a size cap.</summary>
    private sealed class HeaderBuilder(int maxLength)
    {
        private readonly ArrayBufferWriter<byte> _value = new(256);
        private byte[] _heldBreak = [];

        public string Name { get; private set; } = "";
        public long Offset { get; private set; }
        public bool HasField { get; private set; }
        public bool Truncated { get; private set; }
        public bool InPartialLine { get; set; }

        public void Start(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, long offset)
        {
            Name = Encoding.ASCII.GetString(name);
            Offset = offset;
            HasField = true;
            AppendRaw(value);
        }

        /// <summary>Remembers the line break so that a continuation keeps the folding as received.</summary>
        public void HeldBreak(ReadOnlySpan<byte> terminator) => _heldBreak = terminator.Length == 0 ? [] : terminator.ToArray();

        public void AppendContinuation(ReadOnlySpan<byte> line)
        {
            AppendRaw(_heldBreak.Length > 0 ? _heldBreak : "\r\n"u8);
            if (line.Length > 0 && line[0] is not ((byte)' ' or (byte)'\t'))
            {
                AppendRaw(" "u8);
            }

            AppendRaw(line);
        }

        public void AppendRaw(ReadOnlySpan<byte> bytes)
        {
            var room = maxLength - _value.WrittenCount;
            if (bytes.Length > room)
            {
                Truncated = true;
                bytes = bytes[..Math.Max(room, 0)];
            }

            _value.Write(bytes);
        }

        public Header Build() => new(Name, _value.WrittenSpan.ToArray(), Offset);

        public void Clear()
        {
            _value.ResetWrittenCount();
            HasField = false;
            Truncated = false;
            InPartialLine = false;
            _heldBreak = [];
            Name = "";
        }
    }
}
