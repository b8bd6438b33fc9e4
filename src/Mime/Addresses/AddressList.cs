using System.Collections;

namespace MailTicketing.Mime;

/// <summary>The addresses of one header, in order, with groups kept.</summary>
public sealed class AddressList : IReadOnlyList<InternetAddress>
{
    public static readonly AddressList Empty = new([]);

    private readonly IReadOnlyList<InternetAddress> _items;

    public AddressList(IReadOnlyList<InternetAddress> items)
    {
        _items = items;
    }

    public int Count => _items.Count;

    public InternetAddress this[int index] => _items[index];

    /// <summary>Every mailbox, with group members in place of their group.</summary>
    public IEnumerable<MailboxAddress> Mailboxes =>
        _items.SelectMany(a => a is GroupAddress g ? g.Members : [(MailboxAddress)a]);

    /// <summary>
    /// Parses an address header's raw value tolerantly (obsolete syntax, missing angle brackets,
    /// unquoted commas in names, raw 8-bit names). Never fails: what cannot be read is dropped
    /// and <paramref name="malformed"/> is set.
    /// </summary>
    public static AddressList Parse(ReadOnlySpan<byte> raw, string? fallbackCharset, out bool malformed)
    {
        var items = AddressParser.Parse(raw, fallbackCharset, nested: false, out malformed);
        return items.Count == 0 ? Empty : new AddressList(items);
    }

    public IEnumerator<InternetAddress> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(", ", _items);
}
