namespace MailTicketing.Mime;

/// <summary>Reads one mailbox out of a segment of address tokens, tolerating the forms real mail uses.</summary>
internal ref struct MailboxReader
{
    private readonly ReadOnlySpan<byte> _raw;
    private readonly List<AddressToken> _tokens;
    private readonly AddressText _text;

    // Index of the next '<', '@' and '>' at or after each token, so that reading several
    // mailboxes out of one segment never rescans it.
    private readonly int[] _nextLt;
    private readonly int[] _nextAt;
    private readonly int[] _nextGt;

    public MailboxReader(ReadOnlySpan<byte> raw, List<AddressToken> tokens, AddressText text)
    {
        _raw = raw;
        _tokens = tokens;
        _text = text;
        var n = tokens.Count;
        _nextLt = new int[n + 1];
        _nextAt = new int[n + 1];
        _nextGt = new int[n + 1];
        _nextLt[n] = _nextAt[n] = _nextGt[n] = n;
        for (var k = n - 1; k >= 0; k--)
        {
            var t = tokens[k];
            _nextLt[k] = t.Is(raw, (byte)'<') ? k : _nextLt[k + 1];
            _nextAt[k] = t.Is(raw, (byte)'@') ? k : _nextAt[k + 1];
            _nextGt[k] = t.Is(raw, (byte)'>') ? k : _nextGt[k + 1];
        }
    }

    public enum ReadKind
    {
        /// <summary>Nothing usable (empty, only comments, or a broken address already counted as malformed).</summary>
        Nothing,

        /// <summary>Words without '@' or '&lt;': part of a name or a domainless address.</summary>
        Phrase,
        Mailbox,
    }

    public bool Malformed { get; private set; }

    /// <summary>Reads the first mailbox in [start, end); <see cref="ReadResult.Next"/> is where the next one starts.</summary>
    public ReadResult Read(int start, int end)
    {
        if (Find(_nextLt, start, end) is var lt and >= 0)
        {
            return ReadAngleAddress(start, lt, end);
        }

        if (Find(_nextAt, start, end) is var at and >= 0)
        {
            return ReadAddrSpec(start, at, end);
        }

        return new ReadResult(_text.FirstNonComment(start, end) >= 0 ? ReadKind.Phrase : ReadKind.Nothing, end);
    }

    // [phrase] "<" [obs-route ":"] addr-spec [">"] [trailing]
    private ReadResult ReadAngleAddress(int start, int lt, int end)
    {
        var gt = Find(_nextGt, lt + 1, end);
        var address = AngleContent(lt + 1, gt >= 0 ? gt : end);
        var afterAngle = gt >= 0 ? gt + 1 : end;
        var (next, trailingWords) = ReadTrailing(afterAngle, end);
        var name = _text.DecodePhrase(start, lt);
        Malformed |= name is not null && trailingWords is not null;
        name ??= trailingWords ?? _text.CommentName(start, lt) ?? _text.CommentName(afterAngle, next);
        if (address is null)
        {
            Malformed = true;
            return new ReadResult(ReadKind.Nothing, next);
        }

        return new ReadResult(ReadKind.Mailbox, next, name, address, TakesPendingName: true);
    }

    // [name words] local "@" domain [comment], as in "addr (Real Name)" and "Name addr".
    private ReadResult ReadAddrSpec(int start, int at, int end)
    {
        // The local part is the run of words touching the '@'; words before it are a name.
        var k = at - 1;
        while (k >= start && _tokens[k].Kind == AddressTokenKind.Comment)
        {
            k--;
        }

        var localStart = k + 1;
        if (k >= start && _tokens[k].IsWord)
        {
            localStart = k;
            while (localStart > start && _tokens[localStart - 1].IsWord && !_tokens[localStart].SpaceBefore)
            {
                localStart--;
            }
        }

        // The domain is the run of atoms and literals after it; "a@b@c" keeps "a@b" as the local part.
        var lastAt = at;
        var d = at + 1;
        while (d < end && _tokens[d].Kind == AddressTokenKind.Comment)
        {
            d++;
        }

        var domainFirst = d;
        while (d < end)
        {
            var t = _tokens[d];
            if (t.Kind is AddressTokenKind.Atom or AddressTokenKind.DomainLiteral && (d == domainFirst || !t.SpaceBefore))
            {
                d++;
            }
            else if (t.Is(_raw, (byte)'@') && !t.SpaceBefore && d + 1 < end && _tokens[d + 1].Kind == AddressTokenKind.Atom && !_tokens[d + 1].SpaceBefore)
            {
                lastAt = d++;
            }
            else
            {
                break;
            }
        }

        var (next, trailingWords) = ReadTrailing(d, end);
        var inlineName = _text.DecodePhrase(start, localStart);
        Malformed |= inlineName is not null && trailingWords is not null;
        var name = inlineName ?? trailingWords ?? _text.CommentName(start, next);
        var local = _text.Join(localStart, lastAt, spaced: false);
        var domain = _text.Join(lastAt + 1, d, spaced: false);
        if (local.Length == 0 || domain.Length == 0)
        {
            Malformed = true;
            return new ReadResult(ReadKind.Nothing, next);
        }

        return new ReadResult(ReadKind.Mailbox, next, name, $"{local}@{AddressText.Domain(domain)}", TakesPendingName: inlineName is not null);
    }

    // After a complete address: another address (a missing comma) starts a new read; words may be
    // a name ("<a@b> John"), which the caller uses or drops; anything else is dropped.
    private (int Next, string? Words) ReadTrailing(int from, int end)
    {
        var first = _text.FirstNonComment(from, end);
        if (first < 0)
        {
            return (end, null);
        }

        if (Find(_nextLt, first, end) >= 0 || Find(_nextAt, first, end) >= 0)
        {
            return (first, null);
        }

        for (var k = first; k < end; k++)
        {
            if (_tokens[k].IsWord)
            {
                return (end, _text.DecodePhrase(first, end));
            }
        }

        Malformed = true;
        return (end, null);
    }

    // RFC 5322 §4.4: an obs-route before the addr-spec is dropped; so is a "mailto:" prefix.
    private readonly string? AngleContent(int from, int end)
    {
        var lastAt = -1;
        for (var k = from; k < end; k++)
        {
            if (_tokens[k].Is(_raw, (byte)':'))
            {
                from = k + 1;
                lastAt = -1;
            }
            else if (_tokens[k].Is(_raw, (byte)'@'))
            {
                lastAt = k;
            }
        }

        if (lastAt < 0)
        {
            // "<postmaster>": kept as written.
            var alone = _text.Join(from, end, spaced: true);
            return alone.Length == 0 ? null : alone;
        }

        var local = _text.Join(from, lastAt, spaced: true);
        var domain = _text.Join(lastAt + 1, end, spaced: false);
        return local.Length == 0 || domain.Length == 0 || local[0] == '@' ? null : $"{local}@{AddressText.Domain(domain)}";
    }

    private static int Find(int[] next, int from, int end) => from < end && next[from] < end ? next[from] : -1;

    public readonly record struct ReadResult(ReadKind Kind, int Next, string? Name = null, string? Address = null, bool TakesPendingName = false);
}
