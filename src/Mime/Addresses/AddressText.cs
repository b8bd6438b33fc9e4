using System.Text;
using System.Text.Unicode;
using MailTicketing.Mime.Text;

namespace MailTicketing.Mime;

/// <summary>
/// Turns address tokens back into text: display names through the RFC 2047 phrase decoder,
/// addresses as written. Works in one scratch buffer that holds the raw bytes plus a space per token.
/// </summary>
internal readonly ref struct AddressText
{
    private readonly ReadOnlySpan<byte> _raw;
    private readonly List<AddressToken> _tokens;
    private readonly string? _charset;
    private readonly byte[] _scratch;

    public AddressText(ReadOnlySpan<byte> raw, List<AddressToken> tokens, string? charset, byte[] scratch)
    {
        _raw = raw;
        _tokens = tokens;
        _charset = charset;
        _scratch = scratch;
    }

    /// <summary>
    /// For a segment with no address outside quotes: the mailboxes inside the first quoted string,
    /// comment or literal that holds an '@' (a whole header quoted by a broken sender,
    /// "Name (a@b)", Outlook's "Name [mailto:a@b]"), named by the other words when they have no name.
    /// </summary>
    public List<MailboxAddress>? Recover(int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            var t = _tokens[k];
            if (t.Kind is AddressTokenKind.Atom or AddressTokenKind.Special || t.Length < 2)
            {
                continue;
            }

            // An unterminated comment runs to the end and has no closing parenthesis to drop.
            var inner = _raw.Slice(t.Start + 1, t.Length - 1);
            if (inner[^1] is (byte)')' or (byte)'"' or (byte)']')
            {
                inner = inner[..^1];
            }

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
    public string? LoneAtom(int start, int end)
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
    public string? DecodePhrase(int start, int end, int skip = -1)
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
    public string? CommentName(int start, int end)
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
    public string Join(int start, int end, bool spaced)
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
    public static string Domain(string domain)
    {
        var trimmed = domain.Length > 1 && domain[^1] == '.' ? domain[..^1] : domain;
        return trimmed.ToLowerInvariant();
    }

    private int CopyUnfolded(ReadOnlySpan<byte> bytes, int length)
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

    private static string? Trimmed(string? s)
    {
        s = s?.Trim();
        return string.IsNullOrEmpty(s) ? null : s;
    }

    public int FirstNonComment(int start, int end)
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
}
