using System.Text;
using System.Text.Unicode;
using MailTicketing.Mime.Text;

namespace MailTicketing.Mime;

/// <summary>Reads one mailbox out of a segment of address tokens, tolerating the forms real mail uses.</summary>
internal ref struct MailboxReader
{
    private readonly ReadOnlySpan<byte> _raw;
    private readonly List<AddressToken> _tokens;
    private readonly string? _charset;
    private readonly byte[] _scratch;

    // Index of the next '<', '@' and '>' at or after each token, so that reading several
    // mailboxes out of one segment never rescans it.
    private readonly int[] _nextLt;
    private readonly int[] _nextAt;
    private readonly int[] _nextGt;

    public MailboxReader(ReadOnlySpan<byte> raw, List<AddressToken> tokens, string? charset, byte[] scratch)
    {
        _raw = raw;
        _tokens = tokens;
        _charset = charset;
        _scratch = scratch;
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

        return new ReadResult(FirstNonComment(start, end) >= 0 ? ReadKind.Phrase : ReadKind.Nothing, end);
    }

    // [phrase] "<" [obs-route ":"] addr-spec [">"] [trailing]
    private ReadResult ReadAngleAddress(int start, int lt, int end)
    {
        var gt = Find(_nextGt, lt + 1, end);
        var address = AngleContent(lt + 1, gt >= 0 ? gt : end);
        var afterAngle = gt >= 0 ? gt + 1 : end;
        var (next, trailingWords) = ReadTrailing(afterAngle, end);
        var name = DecodePhrase(start, lt);
        Malformed |= name is not null && trailingWords is not null;
        name ??= trailingWords ?? CommentName(start, lt) ?? CommentName(afterAngle, next);
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
        var inlineName = DecodePhrase(start, localStart);
        Malformed |= inlineName is not null && trailingWords is not null;
        var name = inlineName ?? trailingWords ?? CommentName(start, next);
        var local = Join(localStart, lastAt, spaced: false);
        var domain = Join(lastAt + 1, d, spaced: false);
        if (local.Length == 0 || domain.Length == 0)
        {
            Malformed = true;
            return new ReadResult(ReadKind.Nothing, next);
        }

        return new ReadResult(ReadKind.Mailbox, next, name, $"{local}@{Domain(domain)}", TakesPendingName: inlineName is not null);
    }

    // After a complete address: another address (a missing comma) starts a new read; words may be
    // a name ("<a@b> John"), which the caller uses or drops; anything else is dropped.
    private (int Next, string? Words) ReadTrailing(int from, int end)
    {
        var first = FirstNonComment(from, end);
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
                return (end, DecodePhrase(first, end));
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
            var alone = Join(from, end, spaced: true);
            return alone.Length == 0 ? null : alone;
        }

        var local = Join(from, lastAt, spaced: true);
        var domain = Join(lastAt + 1, end, spaced: false);
        return local.Length == 0 || domain.Length == 0 || local[0] == '@' ? null : $"{local}@{Domain(domain)}";
    }

    /// <summary>
    /// For a segment with no address outside quotes: the mailboxes inside the first quoted string,
    /// comment or literal that holds an '@' (a whole header quoted by a broken sender,
    /// "Name (a@b)", Outlook's "Name [mailto:a@b]"), named by the other words when they have no name.
    /// </summary>
    public readonly List<MailboxAddress>? Recover(int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            var t = _tokens[k];
            if (t.Kind is AddressTokenKind.Atom or AddressTokenKind.Special || t.Length < 2)
            {
                continue;
            }

            var inner = _raw.Slice(t.Start + 1, t.Length - 2);
            if (inner.IndexOf((byte)'@') < 0)
            {
                continue;
            }

            var unescaped = new byte[inner.Length];
            var length = 0;
            for (var i = 0; i < inner.Length; i++)
            {
                unescaped[length++] = inner[i] == '\\' && i + 1 < inner.Length ? inner[++i] : inner[i];
            }

            var found = AddressParser.Parse(unescaped.AsSpan(0, length), _charset, nested: true, out _)
                .SelectMany(a => a is GroupAddress g ? g.Members : [(MailboxAddress)a])
                .ToList();
            if (found.Count == 1 && found[0].Name is null && DecodePhrase(start, end, skip: k) is { } name)
            {
                found[0] = new MailboxAddress(CleanName(name), found[0].Address);
            }

            return found.Count > 0 ? found : null;
        }

        return null;
    }

    /// <summary>The text of a segment that is one plain atom ("postmaster"), else null.</summary>
    public readonly string? LoneAtom(int start, int end)
    {
        var only = FirstNonComment(start, end);
        if (only < 0 || _tokens[only].Kind != AddressTokenKind.Atom || FirstNonComment(only + 1, end) >= 0)
        {
            return null;
        }

        var bytes = _raw.Slice(_tokens[only].Start, _tokens[only].Length);
        return Ascii.IsValid(bytes) && bytes.IndexOf("=?"u8) < 0 ? Encoding.ASCII.GetString(bytes) : null;
    }

    /// <summary>The display name in [start, end): words and stray specials, comments left out; null when empty.</summary>
    public readonly string? DecodePhrase(int start, int end, int skip = -1)
    {
        var length = 0;
        var gap = false;
        for (var k = start; k < end; k++)
        {
            var t = _tokens[k];
            if (t.Kind == AddressTokenKind.Comment || t.Is(_raw, (byte)'"') || k == skip)
            {
                gap = true;
                continue;
            }

            if (length > 0 && (gap || t.SpaceBefore))
            {
                _scratch[length++] = (byte)' ';
            }

            length = CopyUnfolded(_raw.Slice(t.Start, t.Length), length);
            gap = false;
        }

        return length == 0 ? null : Trimmed(Rfc2047.DecodePhrase(_scratch.AsSpan(0, length), _charset));
    }

    /// <summary>The text of the first comment with content in [start, end), for "addr (Real Name)".</summary>
    private readonly string? CommentName(int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            var t = _tokens[k];
            if (t.Kind != AddressTokenKind.Comment)
            {
                continue;
            }

            var inner = _raw.Slice(t.Start + 1, t.Length - 1);
            if (inner.Length > 0 && inner[^1] == ')')
            {
                inner = inner[..^1];
            }

            // Quoted-pairs are undone here; the phrase decoder then handles encoded words.
            var length = 0;
            for (var i = 0; i < inner.Length; i++)
            {
                var c = inner[i];
                if (c == '\\' && i + 1 < inner.Length)
                {
                    c = inner[++i];
                }

                if (c is not (byte)'\r' and not (byte)'\n')
                {
                    _scratch[length++] = c;
                }
            }

            if (_scratch.AsSpan(0, length).Trim(" \t"u8).Length > 0 && Trimmed(Rfc2047.DecodePhrase(_scratch.AsSpan(0, length), _charset)) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Cleans a decoded display name: trims it and drops the single quotes Outlook wraps names in.</summary>
    public static string? CleanName(string? name)
    {
        name = Trimmed(name);
        if (name is { Length: >= 2 } && name[0] == '\'' && name[^1] == '\'')
        {
            name = Trimmed(name[1..^1]);
        }

        return name;
    }

    // Address text: raw bytes of the non-comment tokens. Local parts keep the spaces they were
    // written with ("power quadrant system@x"), except around dots (obs-local-part "a . b").
    private readonly string Join(int start, int end, bool spaced)
    {
        var length = 0;
        for (var k = start; k < end; k++)
        {
            var t = _tokens[k];
            if (t.Kind == AddressTokenKind.Comment || t.Is(_raw, (byte)'<') || t.Is(_raw, (byte)'>'))
            {
                continue;
            }

            var bytes = _raw.Slice(t.Start, t.Length);
            if (spaced && t.SpaceBefore && length > 0 && _scratch[length - 1] != '.' && bytes[0] != '.')
            {
                _scratch[length++] = (byte)' ';
            }

            length = CopyUnfolded(bytes, length);
        }

        var text = _scratch.AsSpan(0, length);
        return Ascii.IsValid(text) ? Encoding.ASCII.GetString(text)
            : Utf8.IsValid(text) ? Encoding.UTF8.GetString(text)
            : Encoding.Latin1.GetString(text);
    }

    // Domains compare case-insensitively (RFC 5321 §2.4); a trailing root dot ("yahoo.com.") is dropped.
    private static string Domain(string domain)
    {
        var trimmed = domain.Length > 1 && domain[^1] == '.' ? domain[..^1] : domain;
        return trimmed.ToLowerInvariant();
    }

    private readonly int CopyUnfolded(ReadOnlySpan<byte> bytes, int length)
    {
        foreach (var b in bytes)
        {
            if (b is not (byte)'\r' and not (byte)'\n')
            {
                _scratch[length++] = b;
            }
        }

        return length;
    }

    private readonly int FirstNonComment(int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (_tokens[k].Kind != AddressTokenKind.Comment)
            {
                return k;
            }
        }

        return -1;
    }

    private static int Find(int[] next, int from, int end) => from < end && next[from] < end ? next[from] : -1;

    private static string? Trimmed(string? s)
    {
        s = s?.Trim();
        return string.IsNullOrEmpty(s) ? null : s;
    }

    public readonly record struct ReadResult(ReadKind Kind, int Next, string? Name = null, string? Address = null, bool TakesPendingName = false);
}
