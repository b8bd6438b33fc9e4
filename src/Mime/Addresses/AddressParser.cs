using System.Buffers;

namespace MailTicketing.Mime;

/// <summary>
/// Reads an address-list header value (RFC 5322 §3.4 with the §4.4 obsolete forms) from tokens.
/// </summary>
/// <remarks>
/// The value is cut into segments at ',' and ';' (and at ':' for a group name); each segment is
/// then read as a name-addr, an addr-spec or a bare phrase. Bare phrases followed by a comma wait:
/// if the next segment has a display name or angle brackets they become the front of its name
/// ("Doe, John &lt;j@x&gt;"), otherwise a single word is kept as a domainless address ("postmaster").
/// Every step looks at each token a bounded number of times, so the cost is linear.
/// </remarks>
internal ref struct AddressParser
{
    // RFC 5322 groups cannot nest; nested ones are flattened into the outer group, and this
    // bounds how many unmatched ':' are remembered so a flood of them cannot swallow the list.
    private const int MaxGroupDepth = 8;

    private readonly ReadOnlySpan<byte> _raw;
    private readonly List<AddressToken> _tokens;
    private readonly bool _nested;
    private readonly AddressText _text;
    private MailboxReader _reader;
    private readonly List<InternetAddress> _top = [];
    private readonly List<(int Start, int End)> _pending = [];
    private List<MailboxAddress>? _members;
    private string? _groupName;
    private int _groupDepth;

    private AddressParser(ReadOnlySpan<byte> raw, List<AddressToken> tokens, string? fallbackCharset, byte[] scratch, bool nested)
    {
        _raw = raw;
        _tokens = tokens;
        _nested = nested;
        _text = new AddressText(raw, tokens, fallbackCharset, scratch);
        _reader = new MailboxReader(raw, tokens, _text);
    }

    public bool Malformed { get; private set; }

    // nested: reading the inside of a quoted string or comment, which is not searched again.
    public static List<InternetAddress> Parse(ReadOnlySpan<byte> raw, string? fallbackCharset, bool nested, out bool malformed)
    {
        var tokens = new List<AddressToken>(Math.Min(raw.Length / 4, 4096) + 4);
        AddressTokenizer.Tokenize(raw, tokens);

        // Names and addresses are rebuilt here: the raw bytes plus at most one space per token.
        var scratch = ArrayPool<byte>.Shared.Rent((2 * raw.Length) + 2);
        try
        {
            var parser = new AddressParser(raw, tokens, fallbackCharset, scratch, nested);
            parser.ParseAll();
            malformed = parser.Malformed || parser._reader.Malformed;
            return parser._top;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private void ParseAll()
    {
        var i = 0;
        var count = _tokens.Count;
        while (i <= count)
        {
            var (end, terminator) = Collect(i);
            if (terminator == (byte)':')
            {
                StartGroup(i, end);
            }
            else
            {
                ReadSegment(i, end, terminator);
                if (terminator == (byte)';' && _members is not null && --_groupDepth == 0)
                {
                    EndGroup();
                }
            }

            i = end + 1;
        }

        FlushPending();
        if (_members is not null)
        {
            // RFC 5322 §4.4 tolerates a group that is never closed.
            EndGroup();
        }
    }

    /// <summary>Finds the end of the segment starting at <paramref name="i"/> and what ended it (0 at the end).</summary>
    private readonly (int End, byte Terminator) Collect(int i)
    {
        var inAngle = false;
        var inRoute = false;
        var sawAngle = false;
        var sawAt = false;
        for (var k = i; k < _tokens.Count; k++)
        {
            var t = _tokens[k];
            if (t.Kind != AddressTokenKind.Special)
            {
                continue;
            }

            switch (_raw[t.Start])
            {
                case (byte)',' when !inRoute:
                    return (k, (byte)',');
                case (byte)';':
                    return (k, (byte)';');
                case (byte)':' when inAngle:
                    // End of an obs-route "<@a,@b:user@c>" (or a "mailto:" prefix).
                    inRoute = false;
                    break;
                case (byte)':' when !sawAngle && !sawAt:
                    return (k, (byte)':');
                case (byte)'<':
                    inAngle = sawAngle = true;
                    inRoute = NextIsAt(k + 1);
                    break;
                case (byte)'>':
                    inAngle = inRoute = false;
                    break;
                case (byte)'@' when !inAngle:
                    sawAt = true;
                    break;
            }
        }

        return (_tokens.Count, 0);
    }

    private readonly bool NextIsAt(int k)
    {
        while (k < _tokens.Count && _tokens[k].Kind == AddressTokenKind.Comment)
        {
            k++;
        }

        return k < _tokens.Count && _tokens[k].Is(_raw, (byte)'@');
    }

    private void StartGroup(int start, int end)
    {
        FlushPending();
        if (_members is null)
        {
            _groupName = _text.DecodePhrase(start, end);
            _members = [];
            _groupDepth = 1;
            return;
        }

        // A group inside a group: its name is lost, its members join the outer group.
        Malformed = true;
        if (_groupDepth < MaxGroupDepth)
        {
            _groupDepth++;
        }
    }

    private void EndGroup()
    {
        FlushPending();
        _top.Add(new GroupAddress(_groupName, _members!));
        _members = null;
        _groupName = null;
        _groupDepth = 0;
    }

    private void ReadSegment(int start, int end, byte terminator)
    {
        var first = true;
        while (start < end)
        {
            var read = _reader.Read(start, end);
            var wholeSegment = first && read.Next >= end;
            switch (read.Kind)
            {
                case MailboxReader.ReadKind.Phrase when wholeSegment && terminator == (byte)',':
                    _pending.Add((start, end));
                    break;
                case MailboxReader.ReadKind.Phrase:
                    FlushPending();
                    KeepPhraseAsAddress(start, read.Next);
                    break;
                case MailboxReader.ReadKind.Mailbox:
                    var name = read.Name;
                    if (first && read.TakesPendingName && _pending.Count > 0)
                    {
                        name = JoinPendingWith(name);
                    }

                    FlushPending();
                    Add(new MailboxAddress(AddressText.CleanName(name), read.Address!));
                    break;
                default:
                    FlushPending();
                    break;
            }

            first = false;
            start = read.Next;
        }
    }

    private string? JoinPendingWith(string? name)
    {
        var parts = new List<string>(_pending.Count + 1);
        foreach (var (start, end) in _pending)
        {
            if (_text.DecodePhrase(start, end) is { } part)
            {
                parts.Add(part);
            }
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            parts.Add(name);
        }

        _pending.Clear();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private void FlushPending()
    {
        foreach (var (start, end) in _pending)
        {
            KeepPhraseAsAddress(start, end);
        }

        _pending.Clear();
    }

    // A lone word is a local address written without a domain ("postmaster"); more is a name
    // without an address, which cannot be kept unless an address hides in quotes or a comment.
    private void KeepPhraseAsAddress(int start, int end)
    {
        if (!_nested && _text.Recover(start, end) is { } recovered)
        {
            foreach (var mailbox in recovered)
            {
                Add(mailbox);
            }
        }
        else if (_text.LoneAtom(start, end) is { } local)
        {
            Add(new MailboxAddress(null, local));
        }
        else
        {
            Malformed = true;
        }
    }

    private readonly void Add(MailboxAddress mailbox)
    {
        if (_members is not null)
        {
            _members.Add(mailbox);
        }
        else
        {
            _top.Add(mailbox);
        }
    }
}
