using System.Buffers;
using System.Globalization;
using System.Text;
using MailTicketing.Transport;

namespace MailTicketing.Imap.Protocol;

/// <summary>
/// Builds one command (without its tag) and, beside it, the form the protocol log may show.
/// Strict on output: strings become atoms, quoted strings or literals as RFC 3501 §4.3
/// requires; secrets are masked in the log whatever form they take on the wire.
/// </summary>
internal sealed class ImapCommandBuilder
{
    internal const string Mask = ProtocolLog.Mask;

    // ATOM-CHAR excludes these (RFC 3501 §9 atom-specials); "]" is allowed in an astring.
    private static readonly SearchValues<char> NotAtom = SearchValues.Create("(){ %*\"\\");

    private readonly List<ImapCommandPart> _parts = [];
    private readonly ArrayBufferWriter<byte> _text = new(128);
    private readonly StringBuilder _log = new();

    public ImapCommandBuilder(string name)
    {
        Name = name;
        Raw(name);
    }

    /// <summary>The command name for errors and logs, e.g. "UID FETCH".</summary>
    public string Name { get; }

    public string LogText => _log.ToString();

    public ImapCommandBuilder Raw(string ascii)
    {
        Encoding.ASCII.GetBytes(ascii, _text);
        _log.Append(ascii);
        return this;
    }

    public ImapCommandBuilder Number(uint value) => Raw(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>An astring: atom when it can be, else quoted, else (8-bit, CR, LF) a literal of its UTF-8 bytes.</summary>
    public ImapCommandBuilder AString(string value, bool secret = false)
    {
        if (value.Length > 0 && IsAtomSafe(value) && !string.Equals(value, "NIL", StringComparison.OrdinalIgnoreCase))
        {
            return Text(value, secret);
        }

        return Quoted(value, secret);
    }

    /// <summary>A string: quoted when 7-bit printable, else a literal.</summary>
    public ImapCommandBuilder Quoted(string value, bool secret = false)
    {
        if (!IsQuotable(value))
        {
            return Literal(Encoding.UTF8.GetBytes(value), secret);
        }

        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                quoted.Append('\\');
            }

            quoted.Append(c);
        }

        return Text(quoted.Append('"').ToString(), secret);
    }

    /// <summary>A mailbox name: INBOX as such, anything else in modified UTF-7 (RFC 3501 §5.1.3).</summary>
    public ImapCommandBuilder Mailbox(string name) =>
        AString(string.Equals(name, "INBOX", StringComparison.OrdinalIgnoreCase) ? "INBOX" : ModifiedUtf7.Encode(name));

    public ImapCommandBuilder Literal(ReadOnlyMemory<byte> content, bool secret = false)
    {
        FlushText();
        _parts.Add(new ImapCommandPart { Bytes = content, IsLiteral = true });
        _log.Append('{').Append(content.Length).Append('}').Append(secret ? Mask : $"[{content.Length} bytes]");
        return this;
    }

    public ImapCommandBuilder Literal(Stream content, long length)
    {
        FlushText();
        _parts.Add(new ImapCommandPart { Content = content, ContentLength = length, IsLiteral = true });
        _log.Append('{').Append(length).Append("}[").Append(length).Append(" bytes]");
        return this;
    }

    /// <summary>The parts to send, text and literals in order.</summary>
    public IReadOnlyList<ImapCommandPart> Build()
    {
        FlushText();
        return _parts;
    }

    internal static bool IsAtomSafe(string value) =>
        !value.AsSpan().ContainsAny(NotAtom) && value.All(c => c > ' ' && c < 0x7f);

    private static bool IsQuotable(string value) => value.All(c => c >= ' ' && c < 0x7f);

    private ImapCommandBuilder Text(string wire, bool secret)
    {
        Encoding.ASCII.GetBytes(wire, _text);
        _log.Append(secret ? Mask : wire);
        return this;
    }

    private void FlushText()
    {
        if (_text.WrittenCount > 0)
        {
            _parts.Add(new ImapCommandPart { Bytes = _text.WrittenMemory.ToArray() });
            _text.Clear();
        }
    }
}
