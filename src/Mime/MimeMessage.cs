using MailTicketing.Mime.Parsing;

namespace MailTicketing.Mime;

/// <summary>
/// A parsed message. Reading never throws on bad input: whatever could not be read as written
/// is listed in <see cref="Defects"/>. Dispose it to delete the temporary files of large parts.
/// </summary>
public sealed class MimeMessage : IDisposable
{
    private readonly List<MimeDefect> _parseDefects;
    private List<MimeDefect>? _defects;
    private MessageBodies? _bodies;
    private AutomatedMailInfo? _automation;
    private AddressList? _from;
    private AddressList? _to;
    private AddressList? _cc;
    private AddressList? _replyTo;

    internal MimeMessage(HeaderList headers, MimeEntity body, List<MimeDefect> defects, long length)
    {
        Headers = headers;
        Body = body;
        _parseDefects = defects;
        Length = length;
    }

    /// <summary>Reads a message from a stream (read forward once; need not be seekable).</summary>
    public static MimeMessage Load(Stream stream, MimeParserOptions? options = null) =>
        MimeParser.Parse(stream, options ?? MimeParserOptions.Default);

    public static MimeMessage Load(string path, MimeParserOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        return Load(stream, options);
    }

    public static MimeMessage Parse(ReadOnlySpan<byte> bytes, MimeParserOptions? options = null)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        return Load(stream, options);
    }

    public HeaderList Headers { get; }

    /// <summary>The root entity: a leaf part, a multipart, or an embedded message.</summary>
    public MimeEntity Body { get; }

    /// <summary>Bytes read for this message.</summary>
    public long Length { get; }

    /// <summary>The charset to assume for raw 8-bit header text: the one the body declares, if any.</summary>
    public string? CharsetHint => Body.ContentType.Charset ?? Bodies.TextPart?.ContentType.Charset ?? Bodies.HtmlPart?.ContentType.Charset;

    public string? Subject => Headers.Find("Subject")?.GetValue(CharsetHint);

    public AddressList From => _from ??= ReadAddresses("From");

    public MailboxAddress? Sender => ReadAddresses("Sender").Mailboxes.FirstOrDefault();

    public AddressList ReplyTo => _replyTo ??= ReadAddresses("Reply-To");

    public AddressList To => _to ??= ReadAddresses("To");

    public AddressList Cc => _cc ??= ReadAddresses("Cc");

    public AddressList Bcc => ReadAddresses("Bcc");

    /// <summary>The Date header, or null when missing or unreadable.</summary>
    public DateTimeOffset? Date => DateParser.TryParse(Headers["Date"], out var date) ? date : null;

    /// <summary>Message-ID without angle brackets.</summary>
    public string? MessageId => MessageIdList.ParseFirst(Headers["Message-ID"]);

    public string? InReplyTo => MessageIdList.ParseFirst(Headers["In-Reply-To"]);

    public IReadOnlyList<string> References => MessageIdList.Parse(string.Join(' ', Headers.FindAll("References").Select(h => h.Value)));

    /// <summary>The readable text: the text/plain body, or text derived from the HTML body when there is none.</summary>
    public string? TextBody => Bodies.Text;

    /// <summary>True when <see cref="TextBody"/> was derived from HTML.</summary>
    public bool TextBodyFromHtml => Bodies.TextFromHtml;

    public string? HtmlBody => Bodies.Html;

    /// <summary>Every leaf part that is not the text or HTML body, inline images and embedded messages included, in order.</summary>
    public IReadOnlyList<MimeEntity> Attachments => Bodies.Attachments;

    /// <summary>Bounce, auto-reply and bulk-mail signals (RFC 3834, RFC 3464 and common practice).</summary>
    public AutomatedMailInfo Automation => _automation ??= AutomatedMailInfo.From(this);

    /// <summary>Everything the reader repaired: structure found while parsing, then header problems found on reading them.</summary>
    public IReadOnlyList<MimeDefect> Defects => _defects ??= CollectDefects();

    /// <summary>Every entity depth first, embedded messages' parts not included.</summary>
    public IEnumerable<MimeEntity> EnumerateEntities()
    {
        var stack = new Stack<MimeEntity>();
        stack.Push(Body);
        while (stack.TryPop(out var entity))
        {
            yield return entity;
            if (entity is Multipart multipart)
            {
                for (var i = multipart.Children.Count - 1; i >= 0; i--)
                {
                    stack.Push(multipart.Children[i]);
                }
            }
        }
    }

    public void Dispose()
    {
        Body.Dispose();
        if (_bodies is not null)
        {
            foreach (var synthetic in _bodies.SyntheticParts)
            {
                synthetic.Dispose();
            }
        }
    }

    private MessageBodies Bodies => _bodies ??= MessageBodies.Select(this);

    private AddressList ReadAddresses(string name)
    {
        var header = Headers.Find(name);
        return header is null ? AddressList.Empty : AddressList.Parse(header.RawValue, CharsetHint, out _);
    }

    private List<MimeDefect> CollectDefects()
    {
        var defects = new List<MimeDefect>(_parseDefects);
        foreach (var header in Headers)
        {
            if (header.Is("From") || header.Is("To") || header.Is("Cc") || header.Is("Reply-To") || header.Is("Sender"))
            {
                var list = AddressList.Parse(header.RawValue, CharsetHint, out var malformed);
                if (malformed || (list.Count == 0 && header.Value.Length > 0))
                {
                    defects.Add(new MimeDefect(MimeDefectKind.MalformedAddress, header.Offset, $"{header.Name} could not be read completely"));
                }
            }
            else if (header.Is("Date") && !DateParser.TryParse(header.Value, out _))
            {
                defects.Add(new MimeDefect(MimeDefectKind.MalformedDate, header.Offset, "Date could not be read"));
            }
        }

        defects.AddRange(Bodies.Defects);
        return defects;
    }
}
